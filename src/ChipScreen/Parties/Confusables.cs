using System.Collections.Frozen;

namespace ChipScreen.Parties;

/// <summary>Cyrillic and Greek letters that look like a Latin letter, read as that Latin letter wherever names and end
/// uses are compared: "SМIC" with a Cyrillic М is "SMIC" to a reader, so it must be to the screening too, and
/// "mіlitary" with a Cyrillic і must still mention military.</summary>
/// <remarks>
/// The letters are those of the Unicode confusables data (UTS #39) that pass for a Latin capital or small letter in
/// common fonts. A letter is looked up by its upper case, so that a name and its upper-cased key read alike
/// ("ν" and "Ν" are both N). Every letter is mapped wherever it stands, not only in words that mix scripts: a word
/// written all in look-alikes ("СМІС") reads as Latin, and both sides of a comparison go through the same map, so a
/// Cyrillic name on a list still matches itself written in Cyrillic.
/// </remarks>
internal static class Confusables
{
    private static readonly FrozenDictionary<char, char> s_latin = new Dictionary<char, char>
    {
        // Cyrillic capitals (and, by their upper case, the small letters а е о р с у х ѕ і ј һ ԁ ԛ ԝ)
        ['А'] = 'A', ['В'] = 'B', ['Е'] = 'E', ['К'] = 'K', ['М'] = 'M', ['Н'] = 'H', ['О'] = 'O', ['Р'] = 'P', ['С'] = 'C',
        ['Т'] = 'T', ['У'] = 'Y', ['Ү'] = 'Y', ['Х'] = 'X', ['Ѕ'] = 'S', ['І'] = 'I', ['Ӏ'] = 'I', ['Ј'] = 'J', ['Һ'] = 'H',
        ['Ԁ'] = 'D', ['Ԛ'] = 'Q', ['Ԝ'] = 'W',
        // Greek capitals (and so α β ε ζ η ι κ μ ν ο ρ τ υ χ)
        ['Α'] = 'A', ['Β'] = 'B', ['Ε'] = 'E', ['Ζ'] = 'Z', ['Η'] = 'H', ['Ι'] = 'I', ['Κ'] = 'K', ['Μ'] = 'M', ['Ν'] = 'N',
        ['Ο'] = 'O', ['Ρ'] = 'P', ['Τ'] = 'T', ['Υ'] = 'Y', ['Χ'] = 'X', ['Ϲ'] = 'C', ['Ϳ'] = 'J',
    }.ToFrozenDictionary();

    /// <summary>The Latin capital letter <paramref name="c"/> passes for, or <paramref name="c"/> itself.</summary>
    public static char Latin(char c)
    {
        if (c < '\u0370') // nothing before the Greek block is mapped: the common case costs one comparison
            return c;
        return s_latin.TryGetValue(char.ToUpperInvariant(c), out var latin) ? latin : c;
    }

    /// <summary><paramref name="word"/> with every look-alike read as its Latin letter, in lower case: the form of a word
    /// written in lower case that <see cref="NameNormalizer"/> produces.</summary>
    public static string LowerLatin(string word) =>
        string.Create(word.Length, word, static (span, w) =>
        {
            for (var i = 0; i < w.Length; i++)
                span[i] = char.ToLowerInvariant(Latin(w[i]));
        });
}
