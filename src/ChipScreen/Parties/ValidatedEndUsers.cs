using System.Collections.Frozen;
using System.Text.Json;
using ChipScreen.Rules;

namespace ChipScreen.Parties;

/// <summary>A pack's validated end users (VEU, 15 CFR 748.15): universal ones anywhere, national ones in their country.</summary>
/// <remarks>Names match by <see cref="PartyNames.Key"/>: case, accents, punctuation and spacing ignored. Immutable.</remarks>
public sealed class ValidatedEndUsers
{
    private readonly FrozenDictionary<string, ValidatedEndUser[]> _byName;

    internal ValidatedEndUsers(IEnumerable<ValidatedEndUser> entries) =>
        _byName = entries.GroupBy(e => PartyNames.Key(e.Name)).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>Every entry.</summary>
    internal IEnumerable<ValidatedEndUser> Entries => _byName.Values.SelectMany(v => v);

    /// <summary>The number of entries.</summary>
    public int Count => _byName.Values.Sum(v => v.Length);

    /// <summary>Whether the pack names no validated end user.</summary>
    public bool IsEmpty => _byName.Count == 0;

    /// <summary>The entry that validates <paramref name="endUser"/> for <paramref name="destination"/>, or null.</summary>
    public ValidatedEndUser? Find(string endUser, string destination) =>
        IsEmpty ? null : FindByKey(PartyNames.Key(endUser), destination);

    /// <summary>As <see cref="Find"/>, for a name already keyed with <see cref="PartyNames.Key"/> (a screening keys each
    /// distinct name once).</summary>
    internal ValidatedEndUser? FindByKey(string nameKey, string destination) =>
        _byName.TryGetValue(nameKey, out var entries) ? entries.FirstOrDefault(e => e.Countries.Count == 0 || e.Countries.Contains(destination)) : null;

    /// <summary>Loads <c>validated-end-users.json</c>: <c>{"entries": [{"name", "countries": [...], "citation"}]}</c>.</summary>
    internal static ValidatedEndUsers Load(JsonSource file, Func<string, bool> isCountry, List<PackError> errors)
    {
        var entries = new List<ValidatedEndUser>();
        if (!file.Root.TryGetProperty("entries", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            if (file.IsValid)
                errors.Add(file.Error("$", PackErrorCodes.MissingValue, "needs an \"entries\" array (it may be empty)"));
            return new ValidatedEndUsers(entries);
        }
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var path = $"$.entries[{i++}]";
            var name = item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()!.Trim() : "";
            var citation = item.TryGetProperty("citation", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()!.Trim() : "";
            if (name.Length == 0 || citation.Length == 0)
            {
                errors.Add(file.Error(path, PackErrorCodes.MissingValue, "a validated end user needs \"name\" and \"citation\" (the authorization in Supplement No. 7 to Part 748)"));
                continue;
            }
            var countries = new HashSet<string>(StringComparer.Ordinal);
            if (item.TryGetProperty("countries", out var cs) && cs.ValueKind == JsonValueKind.Array)
            {
                var j = 0;
                foreach (var code in cs.EnumerateArray())
                {
                    var text = code.ValueKind == JsonValueKind.String ? code.GetString()! : code.ToString();
                    if (isCountry(text))
                        countries.Add(text);
                    else
                        errors.Add(file.Error($"{path}.countries[{j}]", PackErrorCodes.UnknownCountry, $"\"{text}\" is not an ISO 3166 alpha-2 code"));
                    j++;
                }
            }
            entries.Add(new ValidatedEndUser(name, countries, citation));
        }
        return new ValidatedEndUsers(entries);
    }
}

/// <summary>One validated end user.</summary>
/// <param name="Name">The end user's name.</param>
/// <param name="Countries">The countries it is validated for; empty = universal.</param>
/// <param name="Citation">Where the authorization is published.</param>
public sealed record ValidatedEndUser(string Name, IReadOnlySet<string> Countries, string Citation);
