using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;
using ChipScreen.Rules;

namespace ChipScreen.Countries;

/// <summary>A pack's country groups (A:5, D:5, embargoed, ...), tiers and "treated as" mappings (Hong Kong as China).</summary>
/// <remarks>Loaded from a pack's <c>country-groups.json</c> and <c>tiers.json</c>. Immutable and thread-safe; what a text
/// resolves to is remembered per text as written (a batch names a few hundred, on every line).</remarks>
public sealed class CountryGroups
{
    private readonly FrozenDictionary<string, FrozenSet<string>> _groups;
    private readonly FrozenDictionary<string, string> _treatAs;
    private readonly FrozenDictionary<string, Place> _places;
    private readonly ConcurrentDictionary<string, (Place Place, string? Problem)> _resolved = new(StringComparer.Ordinal);

    /// <summary>The most texts remembered; past it, texts are still resolved, and not remembered.</summary>
    private const int ResolvedLimit = 100_000;

    private CountryGroups(
        CountryDirectory directory,
        Dictionary<string, FrozenSet<string>> groups,
        Dictionary<string, string> treatAs,
        Dictionary<string, int> tiers,
        int defaultTier,
        IReadOnlyList<GroupChange> changes,
        DateOnly asOf)
    {
        Directory = directory;
        Changes = changes;
        Applied = changes.Where(c => c.Date <= asOf).ToArray();
        NextChange = changes.Where(c => c.Date > asOf).Select(c => (DateOnly?)c.Date).Min();
        _groups = groups.ToFrozenDictionary(StringComparer.Ordinal);
        _treatAs = treatAs.ToFrozenDictionary(StringComparer.Ordinal);
        DefaultTier = defaultTier;
        var places = new Dictionary<string, Place>(StringComparer.Ordinal);
        foreach (var country in directory.Countries)
        {
            var code = country.Code.Value;
            var memberOf = _groups.Where(g => g.Value.Contains(code)).Select(g => g.Key).ToFrozenSet(StringComparer.Ordinal);
            places[code] = new Place(code, country.Name, tiers.GetValueOrDefault(code, defaultTier), true, memberOf);
        }
        _places = places.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The country directory these groups refer to.</summary>
    public CountryDirectory Directory { get; }

    /// <summary>Every dated change of the pack's <c>group-changes.json</c>, by date.</summary>
    public IReadOnlyList<GroupChange> Changes { get; }

    /// <summary>The changes in effect: those dated on or before the as-of date the pack was loaded for.</summary>
    public IReadOnlyList<GroupChange> Applied { get; }

    /// <summary>The first day after the as-of date on which a further change takes effect, if any.</summary>
    public DateOnly? NextChange { get; }

    /// <summary>Whether these groups are the ones in effect on <paramref name="asOf"/> (the same changes apply).</summary>
    public bool SameOn(DateOnly asOf) =>
        (Applied.Count == 0 || Applied[^1].Date <= asOf) && (NextChange is not { } next || asOf < next);

    /// <summary>The tier of countries no tier lists.</summary>
    public int DefaultTier { get; }

    /// <summary>The group names, sorted.</summary>
    public IEnumerable<string> GroupNames => _groups.Keys.Order(StringComparer.Ordinal);

    /// <summary>The members of a group.</summary>
    public IReadOnlySet<string> Members(string group) => _groups.TryGetValue(group, out var set) ? set : FrozenSet<string>.Empty;

    /// <summary>Whether a group of that name exists.</summary>
    public bool HasGroup(string group) => _groups.ContainsKey(group);

    /// <summary>The code a country is treated as (HK -> CN), or the code itself.</summary>
    public string TreatedAs(string code) => _treatAs.GetValueOrDefault(code, code);

    /// <summary>Resolves the text of an order field to a <see cref="Place"/>: not given, unresolved (with the problem) or a country.</summary>
    public Place Resolve(string? text, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
            return Place.NotGiven;
        if (!_resolved.TryGetValue(text, out var known))
        {
            var resolution = Directory.Resolve(text);
            known = resolution.Resolved ? (_places[TreatedAs(resolution.Country!.Code.Value)], null) : (Place.Unresolved, resolution.Problem);
            if (_resolved.Count < ResolvedLimit)
                _resolved.TryAdd(text, known);
        }
        problem = known.Problem;
        return known.Place;
    }

    /// <summary>The place of a known code.</summary>
    public Place PlaceOf(string code) => _places.TryGetValue(TreatedAs(code), out var place) ? place : Place.Unresolved;

    /// <summary>Loads the groups and tiers of a pack, checking every code against the directory, with the dated changes of
    /// <paramref name="changesFile"/> (when the pack has one) that take effect on or before <paramref name="asOf"/>.</summary>
    internal static CountryGroups Load(CountryDirectory directory, JsonSource groupsFile, JsonSource tiersFile, JsonSource? changesFile, DateOnly asOf, List<PackError> errors,
        DateOnly? packStart = null, DateOnly? packEnd = null)
    {
        var groups = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        var treatAs = new Dictionary<string, string>(StringComparer.Ordinal);

        if (groupsFile.Root.TryGetProperty("groups", out var g) && g.ValueKind == JsonValueKind.Object)
        {
            foreach (var group in g.EnumerateObject())
            {
                // An empty group fails open: every rule and tier that names it would then hold of no country (an empty
                // "embargoed" clears Iran and Cuba; an empty D:5 takes China out of tier 3). A group no longer used is removed.
                if (group.Value.ValueKind == JsonValueKind.Array && group.Value.GetArrayLength() == 0)
                    errors.Add(groupsFile.Error($"$.groups.{group.Name}", PackErrorCodes.InvalidValue,
                        $"group \"{group.Name}\" has no members, so every rule and tier that names it would hold of no country; list its members, or remove the group and what names it"));
                groups[group.Name] = ReadCodes(directory, groupsFile, $"$.groups.{group.Name}", group.Value, errors).Select(c => c.Code).ToFrozenSet(StringComparer.Ordinal);
            }
        }
        else if (groupsFile.IsValid)
        {
            errors.Add(groupsFile.Error("$", PackErrorCodes.MissingValue, "needs a \"groups\" object mapping group names to arrays of ISO codes"));
        }

        if (groupsFile.Root.TryGetProperty("treat_as", out var t) && t.ValueKind == JsonValueKind.Object)
        {
            foreach (var pair in t.EnumerateObject())
            {
                var path = $"$.treat_as.{pair.Name}";
                if (!directory.Contains(pair.Name))
                    errors.Add(groupsFile.Error(path, PackErrorCodes.UnknownCountry, $"\"{pair.Name}\" is not an ISO country code"));
                else if (pair.Value.ValueKind != JsonValueKind.String || !directory.Contains(pair.Value.GetString()!))
                    errors.Add(groupsFile.Error(path, PackErrorCodes.UnknownCountry, $"\"{pair.Name}\" must map to an ISO country code"));
                else if (pair.Value.GetString() == pair.Name)
                    errors.Add(groupsFile.Error(path, PackErrorCodes.InvalidValue, $"\"{pair.Name}\" is mapped to itself, which leaves it in no group and tier of its own; map it to another country, or remove it"));
                else
                    treatAs[pair.Name] = pair.Value.GetString()!;
            }
            // A country is treated as one that stands for itself: a chain (MO to HK, HK to CN) would stop at HK, which has no
            // groups of its own.
            foreach (var (from, to) in treatAs.ToArray())
                if (treatAs.ContainsKey(to))
                {
                    errors.Add(groupsFile.Error($"$.treat_as.{from}", PackErrorCodes.InvalidValue,
                        $"\"{from}\" is mapped to \"{to}\", which is itself mapped to \"{treatAs[to]}\"; map \"{from}\" to \"{treatAs[to]}\" directly"));
                    treatAs.Remove(from);
                }
        }

        // Dated changes apply before the tiers are worked out, so a country that leaves a group leaves its tier too.
        var changes = changesFile is null ? [] : GroupChanges.Read(directory, groups, changesFile, packStart, errors, packEnd);
        var initialGroups = new Dictionary<string, FrozenSet<string>>(groups, StringComparer.Ordinal);
        foreach (var change in changes.Where(c => c.Date <= asOf))
            groups[change.Group] = change.AppliedTo(groups[change.Group]);

        var tiers = new Dictionary<string, int>(StringComparer.Ordinal);
        var defaultTier = 2;
        if (tiersFile.Root.TryGetProperty("default_tier", out var dt))
        {
            if (dt.ValueKind == JsonValueKind.Number && dt.TryGetInt32(out var d) && d is >= 1 and <= 3)
                defaultTier = d;
            else
                errors.Add(tiersFile.Error("$.default_tier", PackErrorCodes.InvalidValue, "\"default_tier\" must be 1, 2 or 3"));
        }
        if (tiersFile.Root.TryGetProperty("tiers", out var tierList) && tierList.ValueKind == JsonValueKind.Object)
        {
            var errorsBefore = errors.Count;
            ResolveTiers(directory, groups, tiersFile, tierList, tiers, errors);
            // Only a tiers file that resolves cleanly is checked for countries left in no tier (else the errors echo).
            if (errors.Count == errorsBefore)
                CheckExcludedHaveATier(directory, initialGroups, changes, treatAs, tiersFile, tierList, defaultTier, errors);
        }
        else if (tiersFile.IsValid)
        {
            errors.Add(tiersFile.Error("$", PackErrorCodes.MissingValue, "needs a \"tiers\" object (\"1\", \"3\": countries and groups; the rest take default_tier)"));
        }

        return new CountryGroups(directory, groups, treatAs, tiers, defaultTier, changes, asOf);
    }

    /// <summary>Works out the tier of every country the tiers list under <paramref name="groups"/> into <paramref name="tiers"/>;
    /// returns, per tier, the countries its exceptions took out of it (with where each exception is written).</summary>
    private static List<(int Tier, List<(string Code, string Path)> Excluded)> ResolveTiers(
        CountryDirectory directory, Dictionary<string, FrozenSet<string>> groups, JsonSource tiersFile, JsonElement tierList,
        Dictionary<string, int> tiers, List<PackError> errors)
    {
        var excluded = new List<(int, List<(string, string)>)>();
        foreach (var tier in tierList.EnumerateObject())
        {
            var path = $"$.tiers.{tier.Name}";
            if (!int.TryParse(tier.Name, out var number) || number is < 1 or > 3)
            {
                errors.Add(tiersFile.Error(path, PackErrorCodes.InvalidValue, $"tier \"{tier.Name}\" must be \"1\", \"2\" or \"3\""));
                continue;
            }
            var (members, taken) = TierMembers(directory, groups, tiersFile, path, tier.Value, errors);
            excluded.Add((number, taken));
            foreach (var (code, where) in members)
            {
                if (tiers.TryGetValue(code, out var other) && other != number)
                    errors.Add(tiersFile.Error(where, PackErrorCodes.CountryInTwoTiers, $"{code} is in tier {other} and tier {number}; a country belongs to one tier"));
                else
                    tiers[code] = number;
            }
        }
        return excluded;
    }

    /// <summary>A country a tier's exceptions take out of it must be in another tier: one in none falls through to
    /// default_tier, which fails open when the exception was meant to move it to a stricter tier (China, taken out of tier
    /// 2 as a D:5 country, becomes tier 1 if tier 3 no longer lists D:5). Checked with the groups as the pack starts and as
    /// each dated change leaves them, resolved as the screening resolves them.</summary>
    private static void CheckExcludedHaveATier(
        CountryDirectory directory, Dictionary<string, FrozenSet<string>> initialGroups, IReadOnlyList<GroupChange> changes,
        Dictionary<string, string> treatAs, JsonSource tiersFile, JsonElement tierList, int defaultTier, List<PackError> errors)
    {
        // Per place in tiers.json: the tier, the countries left in no tier, and the first date (null: from the start) they are.
        var found = new Dictionary<string, (int Tier, SortedSet<string> Codes, DateOnly? From)>(StringComparer.Ordinal);
        var groups = new Dictionary<string, FrozenSet<string>>(initialGroups, StringComparer.Ordinal);
        var empty = new Dictionary<int, DateOnly?>();
        var states = new List<DateOnly?> { null };
        states.AddRange(changes.Select(c => (DateOnly?)c.Date).Distinct());
        foreach (var date in states)
        {
            if (date is { } day)
                foreach (var change in changes.Where(c => c.Date == day))
                    groups[change.Group] = change.AppliedTo(groups[change.Group]);
            var tiers = new Dictionary<string, int>(StringComparer.Ordinal);
            var excluded = ResolveTiers(directory, groups, tiersFile, tierList, tiers, []);
            // A tier written with no members (an emptied "groups": [] of tier 3) sends every country it held to default_tier.
            foreach (var tier in tierList.EnumerateObject())
                if (int.TryParse(tier.Name, out var number) && !tiers.ContainsValue(number) && !empty.ContainsKey(number))
                    empty[number] = date;
            foreach (var (tier, taken) in excluded)
                foreach (var (code, where) in taken)
                {
                    // A country treated as another (HK as China) screens as that one; its own tier is never used.
                    if (tiers.ContainsKey(code) || treatAs.ContainsKey(code))
                        continue;
                    if (!found.TryGetValue(where, out var entry))
                        found[where] = entry = (tier, new SortedSet<string>(StringComparer.Ordinal), date);
                    entry.Codes.Add(code);
                }
        }
        foreach (var (number, from) in empty.Where(e => e.Key != defaultTier))
        {
            var when = FromChange(from);
            errors.Add(tiersFile.Error($"$.tiers.{number}", PackErrorCodes.InvalidValue,
                $"tier {number} has no members{when}, so the countries meant for it fall through to default_tier {defaultTier}; list its \"groups\" or \"countries\", or remove the tier"));
        }
        foreach (var (where, (tier, codes, from)) in found)
        {
            var when = FromChange(from);
            var them = codes.Count == 1 ? "it" : "them";
            errors.Add(tiersFile.Error(where, PackErrorCodes.InvalidValue,
                $"{string.Join(", ", codes)} {(codes.Count == 1 ? "is" : "are")} taken out of tier {tier} here but {(codes.Count == 1 ? "is" : "are")} in no other tier{when}, " +
                $"so {(codes.Count == 1 ? "it falls" : "they fall")} through to default_tier {defaultTier}; put {them} in the tier {(codes.Count == 1 ? "it belongs" : "they belong")} to (its \"groups\" or \"countries\"), or drop the exception"));
        }
    }

    /// <summary>When a tier problem begins, for its message: "" from the pack's start, else the dated change that makes it.</summary>
    private static string FromChange(DateOnly? from) =>
        from is { } d ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" from {d:yyyy-MM-dd}, once the dated changes of group-changes.json apply") : "";

    /// <summary>The members of a tier, and the countries its exceptions take out of it (of those it would otherwise have).</summary>
    private static (List<(string Code, string Path)> Members, List<(string Code, string Path)> Excluded) TierMembers(
        CountryDirectory directory, Dictionary<string, FrozenSet<string>> groups, JsonSource file, string path, JsonElement tier, List<PackError> errors)
    {
        var members = new List<(string, string)>();
        if (tier.ValueKind != JsonValueKind.Object)
        {
            errors.Add(file.Error(path, PackErrorCodes.InvalidValue, "a tier is an object with \"countries\" and/or \"groups\""));
            return (members, []);
        }
        if (tier.TryGetProperty("countries", out var countries))
            members.AddRange(ReadCodes(directory, file, $"{path}.countries", countries, errors));
        members.AddRange(GroupMembers(groups, file, path, "groups", tier, errors));
        // "except_groups" / "except_countries" take countries out again: tier 2 = D:1 and D:4 except A:5, A:6 and D:5.
        var except = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, where) in GroupMembers(groups, file, path, "except_groups", tier, errors))
            except.TryAdd(code, where);
        if (tier.TryGetProperty("except_countries", out var exceptCountries))
            foreach (var (code, where) in ReadCodes(directory, file, $"{path}.except_countries", exceptCountries, errors))
                except.TryAdd(code, where);
        var taken = members.Select(m => m.Item1).Distinct(StringComparer.Ordinal)
            .Where(except.ContainsKey).Select(c => (c, except[c])).ToList();
        return (members.Where(m => !except.ContainsKey(m.Item1)).ToList(), taken);
    }

    private static List<(string Code, string Path)> GroupMembers(
        Dictionary<string, FrozenSet<string>> groups, JsonSource file, string path, string key, JsonElement tier, List<PackError> errors)
    {
        var members = new List<(string, string)>();
        if (tier.TryGetProperty(key, out var groupNames) && groupNames.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var name in groupNames.EnumerateArray())
            {
                var where = $"{path}.{key}[{i++}]";
                if (name.ValueKind == JsonValueKind.String && groups.TryGetValue(name.GetString()!, out var set))
                    members.AddRange(set.Order(StringComparer.Ordinal).Select(c => (c, where)));
                else
                    errors.Add(file.Error(where, PackErrorCodes.UnknownGroup, $"{name} is not a group of country-groups.json"));
            }
        }
        return members;
    }

    internal static List<(string Code, string Path)> ReadCodes(CountryDirectory directory, JsonSource file, string path, JsonElement array, List<PackError> errors)
    {
        var codes = new List<(string, string)>();
        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add(file.Error(path, PackErrorCodes.InvalidValue, "must be an array of ISO country codes"));
            return codes;
        }
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var where = $"{path}[{i++}]";
            var code = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.ToString();
            if (!directory.Contains(code))
            {
                var hint = directory.Resolve(code) is { Resolved: true } r ? $" (did you mean {r.Country!.Code}?)" : "";
                errors.Add(file.Error(where, PackErrorCodes.UnknownCountry, $"\"{code}\" is not an ISO 3166 alpha-2 code{hint}"));
            }
            else
            {
                codes.Add((code, where));
            }
        }
        return codes;
    }
}
