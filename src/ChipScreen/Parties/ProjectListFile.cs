using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using ChipScreen.Rules;

namespace ChipScreen.Parties;

/// <summary>Reads ChipScreen's own list format (JSON): a company's lists (an internal deny list, a curated extract of a
/// government list) and its reviewed "not a match" dispositions.</summary>
/// <remarks>
/// <code>
/// { "title": "...",
///   "entries": [ { "id", "list", "name", "aliases": [], "added_names": [], "addresses": [], "countries": [],
///                  "federal_register_notice", "start_date", "license_requirement", "license_policy", "note" } ],
///   "dispositions": [ { "name", "entry_id", "entry_hash", "reviewer", "date", "reason" } ] }
/// </code>
/// <c>list</c> is a code of <see cref="ListCodes"/>; a file needs at least one entry or disposition. Errors name the
/// entry (its position, 1-based) and the line.
/// </remarks>
internal static class ProjectListFile
{
    public static (List<ListEntry> Entries, List<Disposition> Dispositions) Read(string path, string display)
    {
        var errors = new List<PackError>();
        var file = JsonSource.Load(path, display, errors);
        if (errors.Count > 0)
            throw new PartyListException(display, null, errors[0].Line, errors[0].Message);
        if (file.Root.ValueKind != JsonValueKind.Object)
            throw new PartyListException(display, null, 1, "must be a JSON object with \"entries\" and/or \"dispositions\"");

        var entries = new List<ListEntry>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var item in Array(file, "entries"))
        {
            var path2 = $"$.entries[{i}]";
            i++;
            string Text(string key) => String(file, item, path2, key, i);
            var id = Text("id");
            var list = Text("list");
            var name = Text("name");
            if (id.Length == 0 || list.Length == 0 || name.Length == 0)
                throw Error(file, path2, i, "an entry needs \"id\", \"list\" and \"name\"");
            if (!ListCodes.All.Contains(list))
                throw Error(file, $"{path2}.list", i, $"\"{list}\" is not a list code ({string.Join(", ", ListCodes.All.Order(StringComparer.Ordinal))})");
            if (!ids.Add(id))
                throw Error(file, $"{path2}.id", i, $"the id \"{id}\" is used twice");
            var policy = Text("license_policy");
            if (list == ListCodes.EntityList && LicensePolicy.Classify(policy) == LicensePolicy.Unknown && !policy.Contains('§'))
                throw Error(file, $"{path2}.license_policy", i, (policy.Length == 0 ? "\"license_policy\" is missing" : $"\"{policy}\" is not a license review policy ChipScreen can read") +
                    ": write it as the Entity List publishes it (\"Presumption of denial\", \"Case-by-case review\", \"Presumption of approval\", or \"See §...\"); " +
                    "a policy read as unknown requires a license (P3, LICENSE_REQUIRED) where a denial prohibits (P2)");
            var countries = Strings(file, item, path2, "countries", i);
            foreach (var c in countries.Where(c => c.Length != 2 || !c.All(char.IsAsciiLetterUpper)))
                throw Error(file, $"{path2}.countries", i, $"\"{c}\" is not an ISO 3166 alpha-2 code");
            entries.Add(new ListEntry
            {
                List = list,
                Id = id,
                Source = Text("source") is { Length: > 0 } s ? s : ListCodes.Title(list),
                Name = name,
                Aliases = Strings(file, item, path2, "aliases", i),
                AddedNames = Strings(file, item, path2, "added_names", i),
                Addresses = Strings(file, item, path2, "addresses", i),
                Countries = [.. countries.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                Type = Text("type"),
                FederalRegisterNotice = Text("federal_register_notice"),
                StartDate = Text("start_date"),
                LicenseRequirement = Text("license_requirement"),
                LicensePolicy = policy,
                Note = Text("note"),
                File = display,
                Row = i,
            });
        }

        var dispositions = new List<Disposition>();
        i = 0;
        foreach (var item in Array(file, "dispositions"))
        {
            var path2 = $"$.dispositions[{i}]";
            i++;
            string Text(string key) => String(file, item, path2, key, i);
            var (name, entryId, hash, reviewer, dateText, reason) = (Text("name"), Text("entry_id"), Text("entry_hash"), Text("reviewer"), Text("date"), Text("reason"));
            if (new[] { name, entryId, hash, reviewer, dateText, reason }.Any(v => v.Length == 0))
                throw Error(file, path2, i, "a disposition needs \"name\", \"entry_id\", \"entry_hash\", \"reviewer\", \"date\" and \"reason\"");
            if (hash.Length < 12 || !hash.All(char.IsAsciiHexDigit))
                throw Error(file, $"{path2}.entry_hash", i, "\"entry_hash\" must be the entry's content hash (hex, at least 12 digits; `chipscreen parties search` prints it)");
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw Error(file, $"{path2}.date", i, $"\"{dateText}\" is not a date (YYYY-MM-DD)");
            dispositions.Add(new Disposition(name, entryId, hash.ToLowerInvariant(), reviewer, date, reason, display));
        }

        if (entries.Count == 0 && dispositions.Count == 0)
            throw new PartyListException(display, null, null, "the list is empty: it needs at least one entry in \"entries\" (or a disposition in \"dispositions\")");
        return (entries, dispositions);
    }

    private static IEnumerable<JsonElement> Array(JsonSource file, string key)
    {
        if (!file.Root.TryGetProperty(key, out var array))
            return [];
        if (array.ValueKind != JsonValueKind.Array)
            throw new PartyListException(file.DisplayPath, null, file.Locate($"$.{key}").Line, $"\"{key}\" must be an array");
        return array.EnumerateArray();
    }

    private static string String(JsonSource file, JsonElement item, string path, string key, int row)
    {
        if (item.ValueKind != JsonValueKind.Object)
            throw Error(file, path, row, "must be an object");
        if (!item.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
            return "";
        if (value.ValueKind != JsonValueKind.String)
            throw Error(file, $"{path}.{key}", row, $"\"{key}\" must be text");
        return value.GetString()!.Trim();
    }

    private static ImmutableArray<string> Strings(JsonSource file, JsonElement item, string path, string key, int row)
    {
        if (!item.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
            return [];
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
            throw Error(file, $"{path}.{key}", row, $"\"{key}\" must be an array of text");
        return [.. value.EnumerateArray().Select(v => v.GetString()!.Trim()).Where(v => v.Length > 0)];
    }

    private static PartyListException Error(JsonSource file, string path, int row, string problem) =>
        new(file.DisplayPath, row, file.Locate(path).Line, problem);
}
