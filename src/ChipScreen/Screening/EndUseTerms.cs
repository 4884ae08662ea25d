using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using ChipScreen.Parties;
using ChipScreen.Rules;

namespace ChipScreen.Screening;

/// <summary>The pack's named lists of end-use terms (red flags, supercomputer and advanced-node IC terms).</summary>
/// <remarks>
/// A term matches anywhere in the end use ("weapon" matches "Weapons lab"), once both are read the same way
/// (<see cref="Squash"/>): compatibility forms (full-width letters), accents and case folded, and everything but letters
/// and digits left out, so that no space, line break, hyphen or dash of any kind, underscore, punctuation or invisible
/// character (soft hyphen, zero-width space) between letters hides a term: "super  computer", "Super\u2011Computer" and
/// "SUPERCOMPUTER" all hold the term "supercomputer", "wafer-fab" the term "wafer fab". Every end use the plain
/// case-insensitive search found a term in still holds it, so matching only ever finds more.
/// Terms are reported as the terms file writes them. Immutable.
/// </remarks>
public sealed class EndUseTerms
{
    private const int CacheLimit = 100_000;
    private readonly FrozenDictionary<string, string[]> _lists;
    private readonly FrozenDictionary<string, int> _listIndex;
    private readonly TermGroup[][] _groups;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[][]> _found = new(StringComparer.Ordinal);
    private int _foundCount;

    internal EndUseTerms(IDictionary<string, string[]> lists)
    {
        _lists = lists.ToFrozenDictionary(StringComparer.Ordinal);
        var names = _lists.Keys.Order(StringComparer.Ordinal).ToArray();
        _listIndex = names.Select((n, i) => (n, i)).ToFrozenDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        _groups = names.Select(n => Groups(_lists[n])).ToArray();
    }

    /// <summary>The terms of one list that squash alike ("supercomputer", "super computer", "super-computer"), in list
    /// order, with their places in the list.</summary>
    private sealed record TermGroup(string Squashed, (int Index, string Term)[] Written);

    /// <summary>Groups the terms of a list by their squashed form, once, when the pack loads. A term with no letter or
    /// digit (which <see cref="Load"/> refuses) squashes to nothing and is left out: it would be in every end use.</summary>
    private static TermGroup[] Groups(string[] terms) =>
        terms.Select((term, index) => (Index: index, Term: term, Squashed: Squash(term)))
            .Where(t => t.Squashed.Length > 0)
            .GroupBy(t => t.Squashed, StringComparer.Ordinal)
            .Select(g => new TermGroup(g.Key, g.Select(t => (t.Index, t.Term)).ToArray()))
            .ToArray();

    /// <summary>The list names.</summary>
    public IEnumerable<string> ListNames => _lists.Keys.Order(StringComparer.Ordinal);

    /// <summary>Whether a list of that name exists.</summary>
    public bool HasList(string name) => _lists.ContainsKey(name);

    /// <summary>The terms of a list.</summary>
    public IReadOnlyList<string> Terms(string list) => _lists.TryGetValue(list, out var terms) ? terms : [];

    /// <summary>The first term of <paramref name="list"/> found in <paramref name="text"/>, or null.</summary>
    public string? FirstMatch(string list, string text)
    {
        var found = Matches(list, text);
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>Every term of <paramref name="list"/> found in <paramref name="text"/>, in list order.</summary>
    public IReadOnlyList<string> Matches(string list, string text) => text.Length == 0 ? [] : Matches(MatchesOf(text), list);

    /// <summary>The matches of a text in every list, by list (see <see cref="Matches(string[][], string)"/>).</summary>
    /// <remarks>End uses repeat across a batch, so the matches of a text are computed once and remembered; the text is
    /// squashed once for every list.</remarks>
    internal string[][] MatchesOf(string text)
    {
        if (!_found.TryGetValue(text, out var found))
        {
            var squashed = Squash(text);
            found = new string[_groups.Length][];
            for (var i = 0; i < found.Length; i++)
                found[i] = Find(_groups[i], text, squashed);
            if (_foundCount < CacheLimit && _found.TryAdd(text, found))
                Interlocked.Increment(ref _foundCount);
        }
        return found;
    }

    /// <summary>The terms of one list found in <paramref name="text"/> (<paramref name="squashed"/>), in list order. Of a
    /// group of terms that squash alike and that the text holds, the terms the text contains as written (ignoring case)
    /// are reported, else the group's first term.</summary>
    /// <remarks>A text that contains a term as written, ignoring case, holds its squashed form: <see cref="Squash"/> reads
    /// alike every two characters that the case-insensitive search equates (a test checks every code point). So no term
    /// the plain search found is lost, and the plain search is only run on a group the text holds.</remarks>
    private static string[] Find(TermGroup[] groups, string text, string squashed)
    {
        List<(int Index, string Term)>? found = null;
        foreach (var group in groups)
        {
            if (!squashed.Contains(group.Squashed, StringComparison.Ordinal))
                continue;
            found ??= [];
            var before = found.Count;
            foreach (var term in group.Written)
                if (group.Written.Length == 1 || text.Contains(term.Term, StringComparison.OrdinalIgnoreCase))
                    found.Add(term);
            if (found.Count == before)
                found.Add(group.Written[0]);
        }
        if (found is null)
            return [];
        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        var result = new string[found.Count];
        for (var i = 0; i < result.Length; i++)
            result[i] = found[i].Term;
        return result;
    }

    /// <summary>The form an end use and a term are compared in: the letters and digits of <paramref name="text"/>, and
    /// nothing else, after Unicode compatibility decomposition (NFKD: full-width and other compatibility forms are their
    /// plain letters, "\uFB01" is "fi"), with accents left out and case and look-alike letters folded as party names fold
    /// them ("Ｓｕｐｅｒ" and "Sûper" are "super", "ß" is "ss", "mіlitary" with a Cyrillic "і" is "military"). Spaces and line breaks of any kind, hyphens and dashes, underscores, slashes,
    /// other punctuation and symbols, and format characters (soft hyphen, zero-width space) are all left out:
    /// "Super\u00ADcomputer", "super  computer" and "super-computer" are "supercomputer".</summary>
    internal static string Squash(string text)
    {
        if (Ascii.IsValid(text))
        {
            var count = 0;
            var lower = true;
            foreach (var c in text)
            {
                if (char.IsAsciiLetterOrDigit(c))
                    count++;
                lower &= !char.IsAsciiLetterUpper(c);
            }
            if (count == text.Length && lower)
                return text;
            return string.Create(count, text, static (span, t) =>
            {
                var i = 0;
                foreach (var c in t)
                    if (char.IsAsciiLetterOrDigit(c))
                        span[i++] = char.ToLowerInvariant(c);
            });
        }
        string decomposed;
        try
        {
            decomposed = text.Normalize(NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            // Half of a surrogate pair on its own: read it as U+FFFD, as EnumerateRunes does.
            decomposed = string.Concat(text.EnumerateRunes().Select(r => r.ToString())).Normalize(NormalizationForm.FormKD);
        }
        var squashed = new StringBuilder(decomposed.Length);
        Span<char> pair = stackalloc char[2];
        foreach (var rune in decomposed.EnumerateRunes())
        {
            // Accents (combining marks) are not letters, nor are separators, punctuation, symbols or format characters;
            // but the one mark with a letter for its upper case, the Greek iota subscript (U+0345), reads as that letter,
            // as the case-insensitive search reads it.
            if (!Rune.IsLetterOrDigit(rune) && !Rune.IsLetter(Rune.ToUpperInvariant(rune)))
                continue;
            // Upper then lower case: letters the plain search equates ("\u03C2" and "\u03C3", both "\u03A3") stay equal.
            var folded = Rune.ToLowerInvariant(Rune.ToUpperInvariant(rune));
            if (folded.IsBmp)
                NameNormalizer.Fold((char)folded.Value, squashed);
            else
                squashed.Append(pair[..folded.EncodeToUtf16(pair)]);
        }
        return squashed.ToString();
    }

    /// <summary>The matches in list <paramref name="list"/>, from the matches of a text in every list.</summary>
    internal string[] Matches(string[][] matches, string list) => _listIndex.TryGetValue(list, out var index) ? matches[index] : [];

    /// <summary>Loads <c>end-use-terms.json</c>: <c>{"lists": {"red_flags": ["military", ...]}}</c>.</summary>
    internal static EndUseTerms Load(JsonSource file, List<PackError> errors)
    {
        var lists = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!file.Root.TryGetProperty("lists", out var l) || l.ValueKind != JsonValueKind.Object)
        {
            if (file.IsValid)
                errors.Add(file.Error("$", PackErrorCodes.MissingValue, "needs a \"lists\" object mapping list names to arrays of terms"));
            return new EndUseTerms(lists);
        }
        foreach (var list in l.EnumerateObject())
        {
            var path = $"$.lists.{list.Name}";
            if (list.Value.ValueKind != JsonValueKind.Array)
            {
                errors.Add(file.Error(path, PackErrorCodes.InvalidValue, "a term list is an array of words or phrases"));
                continue;
            }
            var terms = new List<string>();
            var i = 0;
            foreach (var t in list.Value.EnumerateArray())
            {
                if (t.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(t.GetString()))
                    errors.Add(file.Error($"{path}[{i}]", PackErrorCodes.InvalidValue, "a term must be non-empty text"));
                else if (Squash(t.GetString()!).Length == 0)
                    errors.Add(file.Error($"{path}[{i}]", PackErrorCodes.InvalidValue,
                        $"the term '{t.GetString()!.Trim()}' has no letter or digit: end uses are compared by their letters and digits alone, so it would be in every end use"));
                else
                    terms.Add(t.GetString()!.Trim());
                i++;
            }
            lists[list.Name] = terms.ToArray();
        }
        return new EndUseTerms(lists);
    }
}
