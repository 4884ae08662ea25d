using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;
using ChipScreen.Rules;

namespace ChipScreen.Countries;

/// <summary>Resolves country codes and names as ERPs write them ("China", "Viet Nam", "UK", "CN") to ISO codes.</summary>
/// <remarks>
/// Built from <c>rules/countries/countries.json</c>. A name that two countries claim ("Korea") does not resolve:
/// the line is held rather than guessed. Thread-safe; results are cached by the text as written.
/// </remarks>
public sealed class CountryDirectory
{
    private readonly FrozenDictionary<string, Country> _byCode;
    private readonly FrozenDictionary<string, Country> _byName;
    private readonly FrozenDictionary<string, string[]> _ambiguous;
    private readonly ConcurrentDictionary<string, CountryResolution> _cache = new(StringComparer.Ordinal);

    internal CountryDirectory(IEnumerable<Country> countries, IReadOnlyDictionary<string, Country> names, IReadOnlyDictionary<string, string[]> ambiguous)
    {
        _byCode = countries.ToFrozenDictionary(c => c.Code.Value, StringComparer.Ordinal);
        _byName = names.ToFrozenDictionary(StringComparer.Ordinal);
        _ambiguous = ambiguous.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Every country, by code.</summary>
    public IEnumerable<Country> Countries => _byCode.Values.OrderBy(c => c.Code);

    /// <summary>Whether <paramref name="code"/> is an ISO country the directory knows.</summary>
    public bool Contains(string code) => _byCode.ContainsKey(code);

    /// <summary>The country with this code, if it exists.</summary>
    public Country? Find(CountryCode code) => _byCode.GetValueOrDefault(code.Value);

    /// <summary>The names of the countries with the codes <paramref name="codes"/> (that the directory knows), as their
    /// lookup keys (lower case, accents removed, punctuation as spaces), each with its code: what report.html's search
    /// understands as a country.</summary>
    internal IReadOnlyDictionary<string, string> NamesOf(IEnumerable<string> codes)
    {
        var names = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            if (_byCode.TryGetValue(code, out var country))
                names[CountryNames.Key(country.Name)] = code;
        }
        return names;
    }

    /// <summary>The other names the directory knows the countries with the codes <paramref name="codes"/> by, written in
    /// plain Latin letters and digits ("uk", "great britain", "turkey", "prc", "chn"), as their lookup keys, each with its
    /// code: what report.html's search takes as a country when the query is the whole name.</summary>
    /// <remarks>The aliases come from many languages and registries and include places and demonyms ("avon", "british"),
    /// so the search matches them only whole, where the official names (<see cref="NamesOf"/>) match from any word on.
    /// A name two countries claim is in neither (<c>ambiguous</c>).</remarks>
    internal IReadOnlyDictionary<string, string> AliasesOf(IEnumerable<string> codes)
    {
        var wanted = codes.ToHashSet(StringComparer.Ordinal);
        var official = NamesOf(wanted);
        var aliases = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, country) in _byName)
        {
            if (wanted.Contains(country.Code.Value) && !official.ContainsKey(key) && IsPlainLatin(key))
                aliases[key] = country.Code.Value;
        }
        return aliases;
    }

    private static bool IsPlainLatin(string key) => key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == ' ');

    /// <summary>Resolves a code (any case) or a name variant to a country.</summary>
    public CountryResolution Resolve(string text)
    {
        if (_cache.TryGetValue(text, out var cached))
            return cached;
        var resolution = ResolveUncached(text);
        if (_cache.Count < 100_000)
            _cache.TryAdd(text, resolution);
        return resolution;
    }

    private CountryResolution ResolveUncached(string text)
    {
        var trimmed = text.Trim();
        if (CountryCode.TryParse(trimmed, out var code) && _byCode.TryGetValue(code.Value, out var byCode))
            return new CountryResolution(byCode, null);
        var key = CountryNames.Key(trimmed);
        if (_byName.TryGetValue(key, out var byName))
            return new CountryResolution(byName, null);
        if (_ambiguous.TryGetValue(key, out var codes))
            return new CountryResolution(null, $"'{trimmed}' could mean {string.Join(" or ", codes)}; write the ISO code");
        return new CountryResolution(null, $"'{trimmed}' is not a country ChipScreen knows; write the ISO code");
    }

    /// <summary>Loads <c>countries.json</c>.</summary>
    internal static CountryDirectory Load(JsonSource source, List<PackError> errors)
    {
        var countries = new List<Country>();
        var names = new Dictionary<string, Country>(StringComparer.Ordinal);
        var ambiguous = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!source.Root.TryGetProperty("countries", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            if (source.IsValid)
                errors.Add(source.Error("$", PackErrorCodes.MissingValue, "needs a \"countries\" array"));
            return new CountryDirectory(countries, names, ambiguous);
        }

        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var path = $"$.countries[{i++}]";
            var codeText = item.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            var name = item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            if (!CountryCode.TryParse(codeText, out var code) || codeText != code.Value || string.IsNullOrWhiteSpace(name))
            {
                errors.Add(source.Error(path, PackErrorCodes.InvalidValue, "each country needs an upper-case two-letter \"code\" and a \"name\""));
                continue;
            }
            var country = new Country(code, name);
            countries.Add(country);
            names.TryAdd(CountryNames.Key(name), country);
            names.TryAdd(CountryNames.Key(code.Value), country);
            if (item.TryGetProperty("aliases", out var aliases) && aliases.ValueKind == JsonValueKind.Array)
            {
                foreach (var alias in aliases.EnumerateArray())
                {
                    if (alias.ValueKind == JsonValueKind.String && CountryNames.Key(alias.GetString()!) is { Length: > 0 } key)
                        names.TryAdd(key, country);
                }
            }
        }

        if (source.Root.TryGetProperty("ambiguous", out var amb) && amb.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in amb.EnumerateArray())
            {
                if (item.TryGetProperty("name", out var an) && an.ValueKind == JsonValueKind.String &&
                    item.TryGetProperty("codes", out var ac) && ac.ValueKind == JsonValueKind.Array)
                {
                    var key = CountryNames.Key(an.GetString()!);
                    ambiguous[key] = ac.EnumerateArray().Select(x => x.GetString() ?? "").ToArray();
                    names.Remove(key);
                }
            }
        }
        return new CountryDirectory(countries, names, ambiguous);
    }
}
