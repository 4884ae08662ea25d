using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace ChipScreen.Parties;

/// <summary>The key a party's name is compared by for identity (volumes, validated end users, dispositions): its letters
/// and digits, upper case, accents left out, Cyrillic and Greek look-alikes read as Latin (<see cref="Confusables"/>), run
/// together, with a legal form written out the same as its abbreviation.</summary>
/// <remarks>
/// Identity decides what counts against the LPP limit of one consignee, so two spellings of one company must give one
/// key: "Acme Ltd" and "ACME LIMITED" are one consignee, not two with a limit each. Only spellings of the same legal form
/// are folded; the form itself is kept, since "Acme Ltd" and "Acme GmbH" are different companies. Folding only ever joins
/// keys (a key folds to itself, and a key stored before, with its words apart, folds as the name does), which is what
/// lets a ledger written before be re-keyed by folding its stored keys. Words are run together last, because spellings
/// of one name break them in different places ("Hi-Tech", "HiTech", "Hi Tech"), and any rule that kept some breaks would
/// split some spellings that are one key today.
/// <para>The one key stored before that does not fold as its name does: a key run together before look-alikes were read as
/// Latin, whose legal form a look-alike kept from folding. "Acme LІmited" (a Cyrillic І) was stored "ACMELІMITED"; the name
/// keys "ACMELTD" now, but the stored key has lost the break before "LІMITED" and folds to "ACMELIMITED" (as "AcmeLimited"
/// does). So the ledger's migration 4 re-keys each entry from the consignee's name, which it keeps beside the key; only
/// the volumes a report.json recorded, by key alone, are read the other way (<c>RecordedBaseline</c>).</para>
/// </remarks>
internal static class PartyNames
{
    /// <summary>Words of a legal form and the abbreviation they fold to.</summary>
    private static readonly FrozenDictionary<string, string> s_words = new Dictionary<string, string>
    {
        ["LIMITED"] = "LTD",
        ["INCORPORATED"] = "INC",
        ["CORPORATION"] = "CORP",
        ["COMPANY"] = "CO",
        ["PRIVATE"] = "PTE",
        ["PVT"] = "PTE",
        ["AKTIENGESELLSCHAFT"] = "AG",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Legal forms of several words (after <see cref="s_words"/>) and the abbreviation they fold to, by their last word.</summary>
    private static readonly FrozenDictionary<string, (string Phrase, string Form)[]> s_phrases = new (string Phrase, string Form)[]
    {
        ("PUBLIC LTD CO", "PLC"),
        ("LTD LIABILITY CO", "LLC"),
        ("GESELLSCHAFT MIT BESCHRANKTER HAFTUNG", "GMBH"),
        ("SOCIEDAD ANONIMA", "SA"),
        ("SOCIETE ANONYME", "SA"),
        ("KABUSHIKI KAISHA", "KK"),
        ("NAAMLOZE VENNOOTSCHAP", "NV"),
        ("BESLOTEN VENNOOTSCHAP", "BV"),
    }.GroupBy(p => p.Phrase[(p.Phrase.LastIndexOf(' ') + 1)..]).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> s_wordLookup = s_words.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<string, (string Phrase, string Form)[]>.AlternateLookup<ReadOnlySpan<char>> s_phraseLookup =
        s_phrases.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>"Acme  Ltd." and "ACME LIMITED" give "ACMELTD"; "Acme Public Limited Company" gives "ACMEPLC"; "O'Hara" and
    /// "O’Hara" give "OHARA".</summary>
    public static string Key(string name)
    {
        var normalized = name.Normalize(NormalizationForm.FormKD);
        char[]? rented = null;
        var key = normalized.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(normalized.Length));
        var length = 0;
        var word = -1; // where the word being written starts, or -1 between words
        var space = false;
        foreach (var c in normalized)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            if (char.IsLetterOrDigit(c))
            {
                if (space && word >= 0)
                {
                    length = Fold(key, word, length);
                    key[length++] = ' ';
                    word = -1;
                }
                space = false;
                if (word < 0)
                    word = length;
                // A look-alike is read as the Latin letter it passes for ("SМIC" with a Cyrillic М is "SMIC"), before the
                // word is folded, so that "LІMITED" with a Cyrillic І is a legal form too.
                key[length++] = Confusables.Latin(char.ToUpperInvariant(c));
            }
            else if (c != '.' && c != '\'')
            {
                space = true;
            }
        }
        if (word >= 0)
            length = Fold(key, word, length);
        // The words run together: where a name breaks its words ("O'Hara" and "O’Hara", "Hi-Tech" and "HiTech",
        // "A.B.C." and "A B C") is no part of whose name it is.
        var joined = 0;
        for (var i = 0; i < length; i++)
            if (key[i] != ' ')
                key[joined++] = key[i];
        var result = new string(key[..joined]);
        if (rented is not null)
            ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    /// <summary>Folds the word that ends the key (from <paramref name="word"/> to <paramref name="length"/>), then a legal
    /// form of several words that it ends; returns the key's new length.</summary>
    private static int Fold(Span<char> key, int word, int length)
    {
        if (s_wordLookup.TryGetValue(key[word..length], out var abbreviation))
        {
            abbreviation.CopyTo(key[word..]);
            length = word + abbreviation.Length;
        }
        if (!s_phraseLookup.TryGetValue(key[word..length], out var phrases))
            return length;
        foreach (var (phrase, form) in phrases)
        {
            var start = length - phrase.Length;
            if (start >= 0 && (start == 0 || key[start - 1] == ' ') && key[start..length].SequenceEqual(phrase))
            {
                form.CopyTo(key[start..]);
                return start + form.Length;
            }
        }
        return length;
    }
}
