using ChipScreen.Rules;

namespace ChipScreen.Parties;

/// <summary>Reads restricted-party list files, recognizing each format by its first line.</summary>
/// <remarks>
/// Formats: the Consolidated Screening List CSV (<c>consolidated.csv</c>, with or without <c>_id</c>), the BIS Denied
/// Persons List (tab-separated), OFAC's legacy <c>sdn.csv</c> and <c>alt.csv</c> (an alias file after the SDN file it
/// belongs to), and ChipScreen's JSON format (lists and dispositions, see <see cref="ProjectListFile"/>). A file that
/// cannot be read, is of no known format, has a malformed row or no entry throws <see cref="PartyListException"/>.
/// </remarks>
public static class PartyListReader
{
    /// <summary>Reads <paramref name="paths"/> in order; <paramref name="display"/> gives the name of a path in messages.</summary>
    public static PartyListSet Read(IEnumerable<string> paths, Func<string, string>? display = null)
    {
        var entries = new List<ListEntry>();
        var dispositions = new List<Disposition>();
        var files = new List<PackFile>();
        foreach (var path in paths)
        {
            var name = display?.Invoke(path) ?? path;
            if (!File.Exists(path))
                throw new PartyListException(name, null, null, "no such file");
            string first;
            try
            {
                using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
                first = reader.ReadLine() ?? "";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new PartyListException(name, null, null, $"cannot be read: {e.Message}", e);
            }
            var trimmed = first.TrimStart('\uFEFF', ' ', '\t');
            if (trimmed.StartsWith('{') || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                var (e, d) = ProjectListFile.Read(path, name);
                entries.AddRange(e);
                dispositions.AddRange(d);
            }
            else if (CslFile.IsHeader(trimmed))
            {
                entries.AddRange(CslFile.Read(path, name));
            }
            else if (DplFile.IsHeader(trimmed))
            {
                entries.AddRange(DplFile.Read(path, name));
            }
            else if (OfacLegacyFile.Kind(trimmed) == "sdn")
            {
                entries.AddRange(OfacLegacyFile.ReadSdn(path, name));
            }
            else if (OfacLegacyFile.Kind(trimmed) == "alt")
            {
                OfacLegacyFile.ReadAliases(path, name, entries);
            }
            else if (trimmed.Length == 0)
            {
                throw new PartyListException(name, null, null, "the file is empty; a list must have at least one entry");
            }
            else
            {
                throw new PartyListException(name, null, 1,
                    "is not a list ChipScreen reads: expected the Consolidated Screening List CSV (header \"_id,source,...\" or \"source,entity_number,...\"), " +
                    "the Denied Persons List (tab-separated, header \"Name\", \"Street_Address\", ...), OFAC's sdn.csv or alt.csv, or ChipScreen's JSON list format");
            }
            files.Add(new PackFile(name, PackFile.Sha256Of(path)));
        }
        return new PartyListSet(entries, dispositions, files);
    }
}
