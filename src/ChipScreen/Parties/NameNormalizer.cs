using System.Globalization;
using System.Text;

namespace ChipScreen.Parties;

/// <summary>Turns a name as written into the words it is compared by. Pure and thread-safe.</summary>
/// <remarks>
/// In order: Unicode compatibility forms (full-width letters, ligatures) and accents are folded and the text is
/// lower-cased; initialisms lose their dots ("S.A.", "J.P.") and other punctuation separates words; "&amp;" reads
/// "and"; letters and digits are split ("CETC13" is "cetc 13", "13th" is "13"); number words and Roman numerals
/// become digits ("Forty-Four" is "44"); abbreviations and British spellings are unified ("Intl", "Centre", "IC" is
/// "integrated circuit"); legal
/// forms and stop words are set aside ("Co., Ltd.", "GmbH", "有限公司", "the"). Chinese characters stay together as
/// one word per run.
/// </remarks>
internal static class NameNormalizer
{
    private static readonly string[] FuzzyLegalForms = NameLexicon.LegalForms.Where(f => f.Length >= 7).Order(StringComparer.Ordinal).ToArray();

    private static readonly Dictionary<string, string[][]> PhrasesByFirstWord = NameLexicon.LegalPhrases
        .GroupBy(p => p[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>Normalizes <paramref name="name"/>.</summary>
    public static NormalizedName Normalize(string name)
    {
        var words = Numbers(Split(name));
        var optional = new bool[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            foreach (var phrase in PhrasesAt(words[i]))
            {
                if (!IsPhrase(words, i, phrase, typos: 1))
                    continue;
                for (var k = 0; k < phrase.Length; k++)
                    optional[i + k] = true;
            }
        }
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (optional[i] || NameLexicon.LegalForms.Contains(w) || NameLexicon.StopWords.Contains(w) || IsHan(w[0]) && NameLexicon.HanLegalSuffixes.Contains(w))
                optional[i] = true;
            else if (w.Length >= 6 && !IsHan(w[0]) && IsMisspeltLegalForm(w))
                optional[i] = true; // "Aktiengeselschaft", "Compan"
        }

        var core = new List<NameToken>(words.Count);
        var ignored = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            if (optional[i])
                ignored.Add(words[i]);
            else
                core.Add(new NameToken(words[i], KindOf(words[i])));
        }
        return new NormalizedName(name, [.. core], [.. words], optional, [.. ignored]);
    }

    /// <summary>The legal phrases that may start with <paramref name="word"/>: those that do, and, for a word of four letters or
    /// more, those whose first word it spells with one typo ("joynt stock company").</summary>
    private static IEnumerable<string[]> PhrasesAt(string word)
    {
        if (PhrasesByFirstWord.TryGetValue(word, out var exact))
            return exact;
        if (word.Length < 4)
            return [];
        List<string[]>? result = null;
        foreach (var (first, phrases) in PhrasesByFirstWord)
            if (first.Length >= 4 && first[0] == word[0] && JaroWinkler.OneEditApart(first, word))
                (result ??= []).AddRange(phrases);
        return (IEnumerable<string[]>?)result ?? [];
    }

    /// <summary>Whether the words from <paramref name="start"/> are <paramref name="phrase"/>, allowing up to
    /// <paramref name="typos"/> words of four letters or more to have a typo (same first letter, one edit) when another
    /// word of the phrase is exact.</summary>
    private static bool IsPhrase(List<string> words, int start, string[] phrase, int typos)
    {
        if (start + phrase.Length > words.Count)
            return false;
        for (var k = 0; k < phrase.Length; k++)
        {
            var w = words[start + k];
            if (w == phrase[k])
                continue;
            if (--typos < 0 || phrase.Length < 2 || phrase[k].Length < 4 || w[0] != phrase[k][0] || !JaroWinkler.OneEditApart(w, phrase[k]))
                return false;
        }
        return true;
    }

    /// <summary>Whether <paramref name="word"/> is a legal form with a typo (Jaro-Winkler 0.95 or more, which needs the same first
    /// two letters for words this long).</summary>
    private static bool IsMisspeltLegalForm(string word)
    {
        foreach (var form in FuzzyLegalForms)
            if (form[0] == word[0] && form[1] == word[1] && Math.Abs(form.Length - word.Length) <= 2 && JaroWinkler.Similarity(word, form) >= 0.95)
                return true;
        return false;
    }

    /// <summary>The kind of a normalized word.</summary>
    public static TokenKind KindOf(string word)
    {
        if (IsHan(word[0]))
            return TokenKind.Han;
        if (IsDigits(word))
            return TokenKind.Number;
        if (word.Length == 1 || NameLexicon.GenericWords.Contains(word))
            return TokenKind.Generic;
        if (NameLexicon.Places.Contains(word))
            return TokenKind.Place;
        return NameLexicon.Surnames.Contains(word) ? TokenKind.Surname : TokenKind.Distinctive;
    }

    /// <summary>Whether <paramref name="c"/> is a Chinese (Han) character.</summary>
    public static bool IsHan(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    private static List<string> Split(string name)
    {
        var words = new List<string>();
        var text = System.Text.Ascii.IsValid(name) ? name : name.Normalize(NormalizationForm.FormKD);
        var word = new StringBuilder();
        var han = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            if (IsHan(c))
            {
                FlushWord(word, words);
                han.Append(c);
                continue;
            }
            FlushHan(han, words);
            if (char.IsLetterOrDigit(c))
            {
                Fold(c, word);
            }
            else if (c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4')
            {
                // An apostrophe joins ("Qa'ida"); a possessive 's is dropped ("Bank's").
                if (i + 1 < text.Length && text[i + 1] is 's' or 'S' && (i + 2 == text.Length || !char.IsLetterOrDigit(text[i + 2])))
                    i++;
            }
            else if (c == '.')
            {
                word.Append('.');
            }
            else if (c is '&' or '+')
            {
                FlushWord(word, words);
                words.Add("and");
            }
            else
            {
                FlushWord(word, words);
            }
        }
        FlushWord(word, words);
        FlushHan(han, words);
        JoinSpelledOut(words);
        for (var i = 0; i < words.Count; i++)
        {
            if (NameLexicon.Variants.TryGetValue(words[i], out var variant))
            {
                words[i] = variant;
            }
            else if (NameLexicon.Expansions.TryGetValue(words[i], out var expansion))
            {
                words.RemoveAt(i);
                words.InsertRange(i, expansion);
                i += expansion.Length - 1;
            }
        }
        return PhraseVariants(words);
    }

    /// <summary>Reads a run of three or more single letters as one word: a name written letter by letter ("H u a w e i",
    /// "H-u-a-w-e-i", "C E T C") is the word it spells ("huawei", "cetc"), as "H.U.A.W.E.I" already is (an initialism). Done
    /// before stop words, variants and numbers are read, so that the "a" of "H u a w e i" or the "y" of "Y a n g t z e" is a
    /// letter of the word, not a word set aside; two single letters ("J P Morgan", "S A") stay apart.</summary>
    private static void JoinSpelledOut(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (!IsSingleLetter(words[i]))
                continue;
            var end = i + 1;
            while (end < words.Count && IsSingleLetter(words[end]))
                end++;
            if (end - i >= 3)
            {
                words[i] = string.Concat(words.GetRange(i, end - i));
                words.RemoveRange(i + 1, end - i - 1);
            }
            else
            {
                i = end - 1;
            }
        }
    }

    private static bool IsSingleLetter(string word) => word.Length == 1 && char.IsLetter(word[0]) && !IsHan(word[0]);

    /// <summary>Rewrites the places written as several words ("United States") to their one-word form ("us").</summary>
    private static List<string> PhraseVariants(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            foreach (var (phrase, word) in NameLexicon.PhraseVariants)
            {
                if (!IsPhrase(words, i, phrase, typos: 0))
                    continue;
                words[i] = word;
                words.RemoveRange(i + 1, phrase.Length - 1);
                break;
            }
        }
        return words;
    }

    /// <summary>Appends a letter lower-cased, with the letters NFKD leaves whole spelt out in ASCII ("ß" is "ss", "ø" is
    /// "o") and a Cyrillic or Greek look-alike read as its Latin letter (<see cref="Confusables"/>). Also folds end-use text (<see cref="ChipScreen.Screening.EndUseTerms"/>).</summary>
    internal static void Fold(char c, StringBuilder word)
    {
        switch (c)
        {
            case 'ß': word.Append("ss"); break;
            case 'æ' or 'Æ': word.Append("ae"); break;
            case 'œ' or 'Œ': word.Append("oe"); break;
            case 'ø' or 'Ø': word.Append('o'); break;
            case 'ł' or 'Ł': word.Append('l'); break;
            case 'đ' or 'Đ' or 'ð' or 'Ð': word.Append('d'); break;
            case 'þ' or 'Þ': word.Append("th"); break;
            case 'ı': word.Append('i'); break;
            default: word.Append(char.ToLowerInvariant(Confusables.Latin(c))); break;
        }
    }

    private static void FlushHan(StringBuilder han, List<string> words)
    {
        if (han.Length == 0)
            return;
        var run = han.ToString();
        han.Clear();
        var legal = (string?)null;
        foreach (var suffix in NameLexicon.HanLegalSuffixes)
        {
            if (run.Length > suffix.Length && run.EndsWith(suffix, StringComparison.Ordinal))
            {
                legal = suffix;
                run = run[..^suffix.Length];
                break;
            }
        }
        words.Add(run);
        if (legal is not null)
            words.Add(legal); // a legal form: set aside by Normalize
    }

    private static void FlushWord(StringBuilder word, List<string> words)
    {
        if (word.Length == 0)
            return;
        var text = word.ToString();
        word.Clear();
        if (text.Contains('.'))
        {
            if (IsInitialism(text))
            {
                SplitAlphanumeric(text.Replace(".", ""), words);
                return;
            }
            foreach (var part in text.Split('.', StringSplitOptions.RemoveEmptyEntries))
                SplitAlphanumeric(part, words);
            return;
        }
        SplitAlphanumeric(text, words);
    }

    /// <summary>"s.a.", "j.p", "u.s.": single letters or digits each followed by a dot (the last dot optional).</summary>
    private static bool IsInitialism(string text)
    {
        var trimmed = text.TrimStart('.');
        if (trimmed.Length < 2)
            return false;
        for (var i = 0; i < trimmed.Length; i++)
        {
            var dot = i % 2 == 1;
            if (dot != (trimmed[i] == '.'))
                return false;
        }
        return true;
    }

    private static void SplitAlphanumeric(string text, List<string> words)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsAsciiDigit(text[i]) == char.IsAsciiDigit(text[i - 1]))
                continue;
            var part = text[start..i];
            var afterDigits = start > 0 && char.IsAsciiDigit(text[start - 1]);
            if (afterDigits && part is "st" or "nd" or "rd" or "th")
            {
                // the ordinal suffix of "13th"
            }
            else if (part.Length > 0 && char.IsAsciiDigit(part[0]))
            {
                var digits = part.TrimStart('0');
                words.Add(digits.Length == 0 ? "0" : digits);
            }
            else if (part.Length > 0)
            {
                words.Add(part);
            }
            start = i;
        }
    }

    /// <summary>Number words as digits; a tens word followed by a units word or digit is one number ("forty four", "forty 4").</summary>
    private static List<string> Numbers(List<string> words)
    {
        var result = new List<string>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var value = NumberValue(words[i]);
            if (value is null)
            {
                result.Add(words[i]);
                continue;
            }
            var n = value.Value;
            if (n >= 20 && n % 10 == 0 && n < 100 && i + 1 < words.Count && NumberValue(words[i + 1]) is { } units && units is >= 1 and <= 9)
            {
                n += units;
                i++;
            }
            result.Add(n.ToString(CultureInfo.InvariantCulture));
        }
        return result;
    }

    private static int? NumberValue(string word)
    {
        if (NameLexicon.NumberWords.TryGetValue(word, out var n))
            return n;
        return word.Length is > 0 and <= 9 && IsDigits(word) ? int.Parse(word, CultureInfo.InvariantCulture) : null;
    }

    private static bool IsDigits(string word)
    {
        foreach (var c in word)
            if (!char.IsAsciiDigit(c))
                return false;
        return word.Length > 0;
    }
}
