namespace ChipScreen.Ledger;

/// <summary>How the ledger knows a line of an order: by its number, so that "01" and "1" are one line.</summary>
/// <remarks>
/// A line id is a line number within its order (the screening contract), and ERPs differ in whether they pad it: one
/// export writes "01", the next "1". Compared as text they were two lines, so committing the order again after its
/// export changed counted its volume twice, and <c>ledger void ORDER:1</c> missed the entry of "01". The ledger stores,
/// stages and looks up every line id through <see cref="Of(string)"/>, so that the same line is one entry however it is padded.
/// A line id that is not all digits (held as no line number, so it never consumes) is kept as it is.
/// </remarks>
internal static class LineIds
{
    /// <summary>The line id as the ledger records it: an id of ASCII digits without its leading zeros ("007" is "7", "000"
    /// is "0"); any other id as given.</summary>
    public static string Of(string line)
    {
        var id = Of(line.AsSpan());
        return id.Length == line.Length ? line : id.ToString();
    }

    /// <summary>The line id as the ledger records it, without copying: <see cref="Of(string)"/> on a span (the batch's
    /// duplicate check hashes every row's id).</summary>
    public static ReadOnlySpan<char> Of(ReadOnlySpan<char> line)
    {
        if (line.Length == 0 || line.ContainsAnyExceptInRange('0', '9'))
            return line;
        var start = 0;
        while (start < line.Length - 1 && line[start] == '0')
            start++;
        return line[start..];
    }
}
