using System.Globalization;

namespace ChipScreen.Parties;

/// <summary>Reads OFAC's legacy SDN files: <c>sdn.csv</c> (12 columns, no header: entity number, name, type, program,
/// title, call sign, vessel type, tonnage, GRT, vessel flag, vessel owner, remarks; <c>-0-</c> means empty) and
/// <c>alt.csv</c> (entity number, alias number, type, alias, remarks), whose aliases join the entries of the SDN file
/// read with it.</summary>
internal static class OfacLegacyFile
{
    /// <summary>What a first line says the file is: "sdn", "alt", or null.</summary>
    public static string? Kind(string firstLine)
    {
        var fields = firstLine.Split(',');
        if (fields.Length >= 12 && IsNumber(fields[0]))
            return "sdn";
        if (fields.Length >= 4 && IsNumber(fields[0]) && IsNumber(fields[1]))
            return "alt";
        return null;
    }

    public static List<ListEntry> ReadSdn(string path, string display)
    {
        var rows = ListTable.Read(path, display, ',', hasHeader: false, out _);
        var entries = new List<ListEntry>(rows.Count);
        foreach (var r in rows)
        {
            if (r.Fields.Length == 1 && r.Fields[0].Trim().Length <= 1)
                continue; // the end-of-file marker of older downloads
            if (r.Fields.Length != 12 || !IsNumber(r.Fields[0]))
                throw new PartyListException(display, r.Row, r.Line, $"is not an SDN row (12 fields starting with the entity number; it has {r.Fields.Length})");
            var name = Value(r.Fields[1]);
            if (name.Length == 0)
                throw new PartyListException(display, r.Row, r.Line, "has no name");
            var type = Value(r.Fields[2]);
            entries.Add(new ListEntry
            {
                List = ListCodes.Sdn,
                Id = "sdn-" + r.Fields[0].Trim(),
                Source = "Specially Designated Nationals (SDN) - Treasury Department",
                Name = name,
                Type = type.Length == 0 ? "Entity" : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(type),
                Programs = Value(r.Fields[3]),
                Note = Value(r.Fields[11]),
                File = display,
                Row = r.Row,
            });
        }
        if (entries.Count == 0)
            throw new PartyListException(display, null, null, "the list is empty; a list must have at least one entry");
        return entries;
    }

    /// <summary>Reads an alias file and adds its aliases to the SDN entries of <paramref name="entries"/>.</summary>
    public static void ReadAliases(string path, string display, List<ListEntry> entries)
    {
        var rows = ListTable.Read(path, display, ',', hasHeader: false, out _);
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
            if (entries[i].List == ListCodes.Sdn)
                byId.TryAdd(entries[i].Id, i);
        if (byId.Count == 0)
            throw new PartyListException(display, null, null, "is an OFAC alias file (alt.csv); give the SDN file (sdn.csv) it belongs to before it");
        var aliases = new Dictionary<int, List<string>>();
        var count = 0;
        foreach (var r in rows)
        {
            if (r.Fields.Length == 1 && r.Fields[0].Trim().Length <= 1)
                continue;
            if (r.Fields.Length < 4 || !IsNumber(r.Fields[0]))
                throw new PartyListException(display, r.Row, r.Line, $"is not an alias row (entity number, alias number, type, alias; it has {r.Fields.Length} fields)");
            count++;
            if (!byId.TryGetValue("sdn-" + r.Fields[0].Trim(), out var index))
                continue; // an alias of an entry the SDN file no longer has
            var alias = Value(r.Fields[3]);
            if (alias.Length > 0)
                (aliases.TryGetValue(index, out var list) ? list : aliases[index] = []).Add(alias);
        }
        if (count == 0)
            throw new PartyListException(display, null, null, "the alias file is empty");
        foreach (var (index, list) in aliases)
            entries[index] = entries[index] with { Aliases = [.. entries[index].Aliases.Concat(list).Distinct(StringComparer.Ordinal)] };
    }

    private static string Value(string field)
    {
        var v = field.Trim();
        return v == "-0-" ? "" : v;
    }

    private static bool IsNumber(string field)
    {
        var v = field.Trim().Trim('"');
        return v.Length > 0 && v.All(char.IsAsciiDigit);
    }
}
