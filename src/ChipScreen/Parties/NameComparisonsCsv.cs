using System.Globalization;
using CsvHelper;

namespace ChipScreen.Parties;

/// <summary>Writes the comparison of name pairs as CSV: <c>name1,name2,score,verdict</c> (RFC 4180, names as given).</summary>
public static class NameComparisonsCsv
{
    /// <summary>Compares each pair with <paramref name="screening"/>'s word weights and thresholds and writes one row per pair.</summary>
    public static void Write(TextWriter writer, PartyScreening screening, IEnumerable<(string First, string Second)> pairs)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(screening);
        ArgumentNullException.ThrowIfNull(pairs);
        var options = new CsvWriterOptions { Injection = CsvInjection.None, FormatProvider = CultureInfo.InvariantCulture, WriteByteOrderMark = false };
        using var csv = CsvWriter.Create(writer, options, leaveOpen: true);
        csv.WriteHeader(["name1", "name2", "score", "verdict"]);
        foreach (var (first, second) in pairs)
        {
            var (score, verdict, _) = screening.Compare(first, second);
            csv.WriteField(first);
            csv.WriteField(second);
            csv.WriteField(score.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(verdict);
            csv.EndRecord();
        }
        csv.Flush();
    }
}
