using CsvHelper;

namespace ChipScreen.Parties;

/// <summary>Reads the rows of a delimited list file with CsvHelper, each with its row and line; malformed quoting stops the
/// read with a <see cref="PartyListException"/> naming the row.</summary>
internal static class ListTable
{
    /// <summary>One data row.</summary>
    /// <param name="Row">1-based data row (the header not counted).</param>
    /// <param name="Line">1-based line of the file where the row starts.</param>
    /// <param name="Fields">The fields.</param>
    public readonly record struct Record(long Row, long Line, string[] Fields);

    /// <summary>Reads <paramref name="path"/>; with <paramref name="hasHeader"/>, <paramref name="header"/> receives the header names.</summary>
    public static List<Record> Read(string path, string display, char separator, bool hasHeader, out string[] header)
    {
        var malformed = new List<CsvMalformedRecord>();
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = hasHeader,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = r => { lock (malformed) malformed.Add(r); },
        };
        var records = new List<Record>();
        try
        {
            using var csv = CsvReader.FromFile(path, options);
            header = hasHeader ? [.. csv.Headers] : [];
            while (csv.Read())
            {
                var fields = new string[csv.FieldCount];
                for (var i = 0; i < fields.Length; i++)
                    fields[i] = csv.GetString(i);
                records.Add(new Record(csv.RowNumber, csv.LineNumber, fields));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CsvFormatException)
        {
            throw new PartyListException(display, null, null, $"cannot be read: {e.Message}", e);
        }
        lock (malformed)
        {
            if (malformed.Count > 0)
            {
                var first = malformed.MinBy(m => m.RecordNumber)!;
                var row = hasHeader ? first.RecordNumber - 1 : first.RecordNumber;
                throw new PartyListException(display, row, first.LineNumber > 0 ? first.LineNumber : null,
                    first.Reason == CsvMalformedReason.UnterminatedQuote
                        ? "a quoted field is never closed; the rows after it cannot be read"
                        : $"malformed quoting ({first.Reason}); write \"\" for a quote inside a quoted field");
            }
        }
        return records;
    }
}
