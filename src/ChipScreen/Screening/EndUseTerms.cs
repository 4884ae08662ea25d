using System.Collections.Frozen;
using System.Text.Json;
using ChipScreen.Rules;

namespace ChipScreen.Screening;

/// <summary>The pack's named lists of end-use terms (red flags, supercomputer and advanced-node IC terms).</summary>
/// <remarks>A term matches anywhere in the end use, ignoring case ("weapon" matches "Weapons lab"). Immutable.</remarks>
public sealed class EndUseTerms
{
    private const int CacheLimit = 100_000;
    private readonly FrozenDictionary<string, string[]> _lists;
    private readonly FrozenDictionary<string, int> _listIndex;
    private readonly string[][] _terms;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[][]> _found = new(StringComparer.Ordinal);
    private int _foundCount;

    internal EndUseTerms(IDictionary<string, string[]> lists)
    {
        _lists = lists.ToFrozenDictionary(StringComparer.Ordinal);
        var names = _lists.Keys.Order(StringComparer.Ordinal).ToArray();
        _listIndex = names.Select((n, i) => (n, i)).ToFrozenDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        _terms = names.Select(n => _lists[n]).ToArray();
    }

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
    /// <remarks>End uses repeat across a batch, so the matches of a text are computed once and remembered.</remarks>
    internal string[][] MatchesOf(string text)
    {
        if (!_found.TryGetValue(text, out var found))
        {
            found = _terms.Select(terms => terms.Where(t => text.Contains(t, StringComparison.OrdinalIgnoreCase)).ToArray()).ToArray();
            if (_foundCount < CacheLimit && _found.TryAdd(text, found))
                Interlocked.Increment(ref _foundCount);
        }
        return found;
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
                if (t.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(t.GetString()))
                    terms.Add(t.GetString()!.Trim());
                else
                    errors.Add(file.Error($"{path}[{i}]", PackErrorCodes.InvalidValue, "a term must be non-empty text"));
                i++;
            }
            lists[list.Name] = terms.ToArray();
        }
        return new EndUseTerms(lists);
    }
}
