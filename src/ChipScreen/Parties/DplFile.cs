namespace ChipScreen.Parties;

/// <summary>Reads the BIS Denied Persons List as BIS publishes it: tab-separated, quoted, with the header
/// <c>Name, Street_Address, City, State, Country, Postal_Code, Effective_Date, Expiration_Date, Standard_Order,
/// Last_Update, Action, FR_Citation</c>.</summary>
/// <remarks>The file has no ids: each entry's id is derived from its name, address and dates ("dpl-" and 16 hex digits).</remarks>
internal static class DplFile
{
    private static readonly string[] Columns = ["Name", "Street_Address", "City", "State", "Country", "Postal_Code", "Effective_Date", "Expiration_Date", "Standard_Order", "Last_Update", "Action", "FR_Citation"];

    /// <summary>Whether a header line is a DPL header.</summary>
    public static bool IsHeader(string firstLine) =>
        firstLine.Replace("\"", "", StringComparison.Ordinal).StartsWith("Name\tStreet_Address\t", StringComparison.Ordinal);

    public static List<ListEntry> Read(string path, string display)
    {
        var rows = ListTable.Read(path, display, '\t', hasHeader: true, out var header);
        var missing = Columns.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
            throw new PartyListException(display, null, 1, $"the header lacks the Denied Persons List column{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)}");
        if (rows.Count == 0)
            throw new PartyListException(display, null, null, "the list is empty (a header and no entries); a list must have at least one entry");
        var index = Columns.ToDictionary(c => c, c => Array.IndexOf(header, c), StringComparer.Ordinal);

        var entries = new List<ListEntry>(rows.Count);
        foreach (var r in rows)
        {
            if (r.Fields.Length != header.Length)
                throw new PartyListException(display, r.Row, r.Line, $"has {r.Fields.Length} fields where the header has {header.Length}; check for a stray tab or quote");
            string F(string column) => r.Fields[index[column]].Trim();
            var name = F("Name");
            if (name.Length == 0)
                throw new PartyListException(display, r.Row, r.Line, "has no name");
            var country = F("Country");
            var address = string.Join(", ", new[] { F("Street_Address"), F("City"), F("State"), F("Postal_Code"), country }.Where(p => p.Length > 0));
            entries.Add(new ListEntry
            {
                List = ListCodes.DeniedPersons,
                Id = "dpl-" + CslFile.DerivedId([name, address, F("Effective_Date"), F("FR_Citation")]),
                Source = "Denied Persons List (DPL) - Bureau of Industry and Security",
                Name = name,
                Addresses = address.Length > 0 ? [address] : [],
                Countries = country.Length == 2 ? [country.ToUpperInvariant()] : [],
                FederalRegisterNotice = F("FR_Citation"),
                StartDate = F("Effective_Date"),
                Note = $"denial order effective {F("Effective_Date")}" + (F("Expiration_Date").Length > 0 ? $", expires {F("Expiration_Date")}" : "") +
                       (F("Action").Length > 0 ? $" ({F("Action")})" : ""),
                File = display,
                Row = r.Row,
            });
        }
        return entries;
    }
}
