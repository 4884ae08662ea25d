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
    /// is "0"); a whole number written otherwise ("1.0", "+1", "١", "１") as those digits; any other id as given.</summary>
    /// <remarks>An order file's line must be ASCII digits: a row whose line is written "1.0" is held for it and never
    /// consumes. Its id still reads as line 1, so that it is a copy of a row giving "1" (both held, see
    /// <c>DuplicateLineFinder</c>), and is no reason to leave the committed entry of line 1 out of a batch's count: an
    /// ERP that reads "1.0" as 1 would otherwise find one copy held and the other cleared.</remarks>
    public static string Of(string line)
    {
        if (IsAsciiDigits(line))
        {
            var start = LeadingZeros(line);
            return start == 0 ? line : line[start..];
        }
        return WholeNumber(line) ?? line;
    }

    /// <summary>The line id as the ledger records it: <see cref="Of(string)"/> on a span, without copying an id of ASCII
    /// digits (the batch's duplicate check reads every row's id).</summary>
    public static ReadOnlySpan<char> Of(ReadOnlySpan<char> line)
    {
        if (IsAsciiDigits(line))
            return line[LeadingZeros(line)..];
        return WholeNumber(line) is { } digits ? digits : line;
    }

    private static bool IsAsciiDigits(ReadOnlySpan<char> line) => line.Length > 0 && !line.ContainsAnyExceptInRange('0', '9');

    private static int LeadingZeros(ReadOnlySpan<char> digits)
    {
        var start = 0;
        while (start < digits.Length - 1 && digits[start] == '0')
            start++;
        return start;
    }

    /// <summary>The ASCII digits of a whole number written another way: a leading "+", decimal digits of any script, and a
    /// fraction of zeros ("+01.00" is "1"); null for anything else (rare: every such line is held).</summary>
    private static string? WholeNumber(ReadOnlySpan<char> line)
    {
        var text = line.ToString();
        var digits = new System.Text.StringBuilder(text.Length);
        var i = text.StartsWith('+') ? 1 : 0;
        while (i < text.Length && Digit(text, i) is var (value, width) && value >= 0)
        {
            digits.Append((char)('0' + value));
            i += width;
        }
        if (digits.Length == 0)
            return null;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            var zeros = 0;
            while (i < text.Length && Digit(text, i) is var (value, width) && value == 0)
            {
                zeros++;
                i += width;
            }
            if (zeros == 0)
                return null;
        }
        if (i < text.Length)
            return null;
        var result = digits.ToString();
        return result[LeadingZeros(result)..];
    }

    /// <summary>The decimal digit at <paramref name="index"/> (of any script, a surrogate pair too) and its width in chars;
    /// -1 when it is none.</summary>
    private static (int Value, int Width) Digit(string text, int index) =>
        (System.Globalization.CharUnicodeInfo.GetDecimalDigitValue(text, index), char.IsSurrogatePair(text, index) ? 2 : 1);
}
