using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace ChipScreen.Parties;

/// <summary>Reads the US Consolidated Screening List as trade.gov publishes it (<c>consolidated.csv</c>): the current
/// 29-column layout that starts with <c>_id</c>, and the older 28-column layout without it.</summary>
/// <remarks>
/// Each row is one entry of one source list (the <c>source</c> column says which). Aliases are the <c>alt_names</c>
/// separated by "; "; the countries are the ISO codes that end each address. Entries without an <c>_id</c> (the older
/// layout) get the OFAC entity number when there is one, else an id derived from their content.
/// </remarks>
internal static class CslFile
{
    /// <summary>The columns every CSL file has.</summary>
    public static readonly string[] RequiredColumns = ["source", "name", "alt_names", "addresses", "federal_register_notice", "license_requirement", "license_policy"];

    /// <summary>Whether a header line is a CSL header.</summary>
    public static bool IsHeader(string firstLine) =>
        firstLine.StartsWith("_id,source,", StringComparison.Ordinal) || firstLine.StartsWith("source,entity_number,", StringComparison.Ordinal);

    public static List<ListEntry> Read(string path, string display)
    {
        var rows = ListTable.Read(path, display, ',', hasHeader: true, out var header);
        var index = header.Select((h, i) => (h, i)).GroupBy(x => x.h.Trim(), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var missing = RequiredColumns.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
            throw new PartyListException(display, null, 1, $"the header lacks the CSL column{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)}");
        if (rows.Count == 0)
            throw new PartyListException(display, null, null, "the list is empty (a header and no entries); a list must have at least one entry");

        string Field(ListTable.Record r, string column) => index.TryGetValue(column, out var i) && i < r.Fields.Length ? r.Fields[i].Trim() : "";
        var entries = new List<ListEntry>(rows.Count);
        foreach (var r in rows)
        {
            if (r.Fields.Length != header.Length)
                throw new PartyListException(display, r.Row, r.Line, $"has {r.Fields.Length} fields where the header has {header.Length}; check for an unquoted comma");
            var source = Field(r, "source");
            var name = CleanName(Field(r, "name"));
            if (source.Length == 0 || name.Length == 0)
                throw new PartyListException(display, r.Row, r.Line, $"has no {(source.Length == 0 ? "source" : "name")}");
            var addresses = Split(Field(r, "addresses"));
            var entityNumber = Field(r, "entity_number");
            var id = Field(r, "_id");
            if (id.Length == 0)
                id = entityNumber.Length > 0 ? entityNumber : "csl-" + DerivedId(r.Fields);
            entries.Add(new ListEntry
            {
                List = ListCodes.FromCslSource(source),
                Id = id,
                Source = source,
                Name = name,
                Aliases = [.. Split(Field(r, "alt_names")).Select(CleanName).Where(a => a.Length > 0 && !string.Equals(a, name, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)],
                Addresses = addresses,
                Countries = CountriesOf(addresses),
                Type = Field(r, "type"),
                Programs = Field(r, "programs"),
                FederalRegisterNotice = Field(r, "federal_register_notice"),
                StartDate = Field(r, "start_date"),
                LicenseRequirement = Field(r, "license_requirement"),
                LicensePolicy = Field(r, "license_policy"),
                File = display,
                Row = r.Row,
            });
        }
        return entries;
    }

    /// <summary>"A; B; and C" gives A, B, C.</summary>
    internal static ImmutableArray<string> Split(string text) =>
        text.Length == 0 ? [] : [.. text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.StartsWith("and ", StringComparison.OrdinalIgnoreCase) ? p[4..].Trim() : p).Where(p => p.Length > 0)];

    /// <summary>Removes what the lists append to a name but is not part of it ("; and any successor, sub-unit, or subsidiary thereof").</summary>
    internal static string CleanName(string name)
    {
        var cut = name.IndexOf("; and any successor", StringComparison.OrdinalIgnoreCase);
        return (cut > 0 ? name[..cut] : name).Trim();
    }

    /// <summary>The ISO codes at the end of each address ("..., Shijiazhuang, Hebei Province, CN").</summary>
    internal static ImmutableArray<string> CountriesOf(IEnumerable<string> addresses) =>
        [.. addresses.Select(a => a.Split(',').Last().Trim()).Where(c => c.Length == 2 && c.All(char.IsAsciiLetterUpper)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    internal static string DerivedId(IEnumerable<string> fields) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001F', fields))))[..16];
}
