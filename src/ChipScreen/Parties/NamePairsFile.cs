namespace ChipScreen.Parties;

/// <summary>Reads a CSV file of name pairs to compare (<c>chipscreen parties compare</c>): a header with <c>name1</c> and
/// <c>name2</c> (any case, anywhere), other columns ignored.</summary>
public static class NamePairsFile
{
    /// <summary>The pairs of <paramref name="path"/>, in file order.</summary>
    /// <exception cref="PartyListException">The file is missing, malformed, or has no <c>name1</c> and <c>name2</c> columns.</exception>
    public static IReadOnlyList<(string First, string Second)> Read(string path)
    {
        if (!File.Exists(path))
            throw new PartyListException(path, null, null, "no such file");
        var rows = ListTable.Read(path, path, ',', hasHeader: true, out var header);
        var first = Array.FindIndex(header, h => string.Equals(h.Trim(), "name1", StringComparison.OrdinalIgnoreCase));
        var second = Array.FindIndex(header, h => string.Equals(h.Trim(), "name2", StringComparison.OrdinalIgnoreCase));
        if (first < 0 || second < 0)
            throw new PartyListException(path, null, 1, "the header needs the columns name1 and name2");
        var pairs = new List<(string, string)>(rows.Count);
        foreach (var r in rows)
        {
            if (r.Fields.Length <= Math.Max(first, second))
                throw new PartyListException(path, r.Row, r.Line, $"has {r.Fields.Length} fields; name1 and name2 are columns {first + 1} and {second + 1}");
            pairs.Add((r.Fields[first], r.Fields[second]));
        }
        return pairs;
    }
}
