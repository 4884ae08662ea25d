using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using ChipScreen.Rules;

namespace ChipScreen.Countries;

/// <summary>Reads a pack's <c>group-changes.json</c>: dated changes to its country groups, each with its source.</summary>
/// <remarks>
/// <code>{ "changes": [ { "date": "2026-02-03", "group": "D:5", "remove": ["KH"], "source": "BIS, 2026-02-03" } ] }</code>
/// A screening as of a date sees the changes dated on or before it. A change must name a group of
/// <c>country-groups.json</c>, ISO codes, and only remove members the group has then (and add ones it lacks).
/// </remarks>
internal static class GroupChanges
{
    /// <summary>The file name in a pack folder (optional; an extending pack's replaces its base's).</summary>
    public const string FileName = "group-changes.json";

    /// <summary>The changes, by date (file order within a day); problems go to <paramref name="errors"/>. A change dated
    /// before <paramref name="packStart"/> (when known), or on or after <paramref name="packEnd"/>, is an error: the groups as of the pack's first day belong in
    /// country-groups.json, and such a date is most likely a mistyped year.</summary>
    public static List<GroupChange> Read(CountryDirectory directory, Dictionary<string, FrozenSet<string>> groups, JsonSource file, DateOnly? packStart, List<PackError> errors,
        DateOnly? packEnd = null)
    {
        var changes = new List<(GroupChange Change, string Path)>();
        if (!file.IsValid)
            return [];
        if (!file.Root.TryGetProperty("changes", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            errors.Add(file.Error("$", PackErrorCodes.MissingValue, "needs a \"changes\" array of {\"date\", \"group\", \"add\" and/or \"remove\", \"source\"}"));
            return [];
        }
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var path = $"$.changes[{i++}]";
            var before = errors.Count;
            DateOnly date = default;
            if (!(item.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String &&
                  DateOnly.TryParseExact(d.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)))
                errors.Add(file.Error($"{path}.date", PackErrorCodes.InvalidValue, "a change needs \"date\": the day it takes effect (YYYY-MM-DD)"));
            else if (date < packStart)
                errors.Add(file.Error($"{path}.date", PackErrorCodes.InvalidValue,
                    $"{date:yyyy-MM-dd} is before the pack starts ({packStart:yyyy-MM-dd}): a change in force from the pack's first day belongs in country-groups.json; check the year"));
            else if (date >= packEnd)
                errors.Add(file.Error($"{path}.date", PackErrorCodes.InvalidValue,
                    $"{date:yyyy-MM-dd} is on or after the pack's end ({packEnd:yyyy-MM-dd}, its first day out of force): the change never applies while the pack is in force, only to what-if screenings past it; it belongs in the pack that follows; check the year"));
            var group = item.TryGetProperty("group", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString()! : "";
            if (!groups.ContainsKey(group))
                errors.Add(file.Error($"{path}.group", PackErrorCodes.UnknownGroup, $"\"{group}\" is not a group of country-groups.json (groups: {string.Join(", ", groups.Keys.Order(StringComparer.Ordinal))})"));
            var source = item.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()!.Trim() : "";
            if (source.Length == 0)
                errors.Add(file.Error(path, PackErrorCodes.MissingValue, "a change needs \"source\": where it is published (a Federal Register citation or a BIS announcement, with its date)"));
            var add = item.TryGetProperty("add", out var a) ? CountryGroups.ReadCodes(directory, file, $"{path}.add", a, errors).Select(c => c.Code).ToList() : [];
            var remove = item.TryGetProperty("remove", out var r) ? CountryGroups.ReadCodes(directory, file, $"{path}.remove", r, errors).Select(c => c.Code).ToList() : [];
            if (add.Count == 0 && remove.Count == 0 && errors.Count == before)
                errors.Add(file.Error(path, PackErrorCodes.MissingValue, "a change needs \"add\" or \"remove\": the countries that join or leave the group"));
            if (errors.Count == before)
                changes.Add((new GroupChange(date, group, add, remove, source), path));
        }

        // Each change must make sense where it falls: remove only members, add only non-members.
        var ordered = changes.OrderBy(c => c.Change.Date).ToList();
        var members = groups.ToDictionary(p => p.Key, p => p.Value.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (change, path) in ordered)
        {
            foreach (var code in change.Remove.Where(c => !members[change.Group].Contains(c)))
                errors.Add(file.Error($"{path}.remove", PackErrorCodes.InvalidValue, $"{code} is not in {change.Group} when this change takes effect ({change.Date:yyyy-MM-dd}); check the group or the date"));
            foreach (var code in change.Add.Where(c => members[change.Group].Contains(c)))
                errors.Add(file.Error($"{path}.add", PackErrorCodes.InvalidValue, $"{code} is already in {change.Group} when this change takes effect ({change.Date:yyyy-MM-dd})"));
            members[change.Group].ExceptWith(change.Remove);
            members[change.Group].UnionWith(change.Add);
            // A group emptied from a date on fails open from then, as an empty group in country-groups.json would.
            if (members[change.Group].Count == 0 && groups[change.Group].Count > 0)
                errors.Add(file.Error($"{path}.remove", PackErrorCodes.InvalidValue,
                    $"this change leaves {change.Group} with no members from {change.Date:yyyy-MM-dd}, so every rule and tier that names it would hold of no country; a group keeps at least one member"));
        }
        return ordered.Select(c => c.Change).ToList();
    }
}
