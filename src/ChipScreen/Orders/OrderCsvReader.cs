using CsvHelper;

namespace ChipScreen.Orders;

/// <summary>Reads order lines from a CSV file (UTF-8, BOM tolerated, RFC 4180 quoting, comma-separated) with CsvHelper.</summary>
/// <remarks>
/// Every data row becomes exactly one <see cref="OrderLine"/>, in file order: a row that is short, long or
/// badly quoted is still returned, with an issue that holds it. Only a file that cannot be screened at all
/// (no header or a header that cannot be trusted, a required column missing, a column that looks like a screening column
/// but is not one and is not named to be ignored) throws <see cref="OrderFileException"/>. Streams; memory does not
/// grow with the file. Not thread-safe.
/// </remarks>
public sealed class OrderCsvReader : IDisposable
{
    private readonly CsvReader _csv;
    private readonly MalformedRecords _malformed = new();
    private readonly int[] _columnIndex;

    private OrderCsvReader(Func<CsvReaderOptions, CsvReader> open, string displayName, IReadOnlyCollection<string>? ignoreColumns = null,
        Func<IReadOnlyList<string>, string>? howToIgnore = null)
    {
        Name = displayName;
        var csv = _csv = open(Options(_malformed));
        try
        {
            Headers = csv.Headers.ToArray();
        }
        catch (Exception e) when (e is not OrderFileException)
        {
            csv.Dispose();
            throw new OrderFileException($"{displayName}: the header row cannot be read: {e.Message}", e);
        }
        try
        {
            if (Headers.Count == 0 || Headers.All(string.IsNullOrWhiteSpace))
                throw new OrderFileException($"{displayName}: no header row; the first line must name the columns ({string.Join(", ", OrderColumns.Required)}, and sku or tpp)");
            if (NulBytes(Headers) is { } encoding)
                throw new OrderFileException($"{displayName}: the file is not UTF-8{encoding}");
            if (_malformed.Header is { } reason)
                throw HeaderQuoting(reason);
            (_columnIndex, IgnoredColumns) = MapHeaders(Headers, displayName, ignoreColumns ?? [], howToIgnore ?? IgnoreOption);
        }
        catch
        {
            csv.Dispose();
            throw;
        }
    }

    /// <summary>The name of the file in messages.</summary>
    public string Name { get; }

    /// <summary>The header names as written.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>Header names that match no contract column (ignored), those named to be ignored included.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; }

    /// <summary>Opens a file; throws <see cref="OrderFileException"/> when it cannot be read, lacks a required column or
    /// has a column that looks like a screening column but is not one (<see cref="OrderColumns.LooksLike"/>) and is not
    /// among <paramref name="ignoreColumns"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="ignoreColumns">Header names (matched as headers are, ignoring case and separators) of columns ChipScreen
    /// does not read that it is to ignore although they look like screening columns (<c>--ignore-column</c>).</param>
    public static OrderCsvReader Open(string path, IReadOnlyCollection<string>? ignoreColumns = null) => Open(path, ignoreColumns, null);

    /// <summary>Stops with the message every command gives for an order file that is not there: no such file, or a
    /// directory where the file was wanted.</summary>
    /// <exception cref="OrderFileException"><paramref name="path"/> is not a file.</exception>
    public static void CheckExists(string path)
    {
        if (!File.Exists(path))
            throw new OrderFileException(Directory.Exists(path) ? $"{path}: is a directory; give the order file (CSV)" : $"{path}: no such file");
    }

    /// <summary>Opens a file, read through <paramref name="wrap"/> when given (which then owns the file's stream).</summary>
    internal static OrderCsvReader Open(string path, IReadOnlyCollection<string>? ignoreColumns, Func<Stream, Stream>? wrap)
    {
        CheckExists(path);
        try
        {
            if (wrap is null)
                return new OrderCsvReader(options => CsvReader.FromFile(path, options), path, ignoreColumns);
            var stream = wrap(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan));
            return new OrderCsvReader(options => CsvReader.Create(stream, options, leaveOpen: true), path, ignoreColumns);
        }
        catch (IOException e)
        {
            throw new OrderFileException($"{path}: cannot be read: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new OrderFileException($"{path}: cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Reads CSV from a stream (UTF-8, or UTF-16 with a byte order mark).</summary>
    /// <param name="stream">The CSV.</param>
    /// <param name="displayName">Its name in messages.</param>
    /// <param name="leaveOpen">Whether the stream stays open when the reader is disposed.</param>
    /// <param name="ignoreColumns">As in <see cref="Open(string, IReadOnlyCollection{string})"/>.</param>
    /// <param name="howToIgnore">How a user of the caller names columns to ignore, given the names, for the message that
    /// stops a file with a column that looks like a screening column (after "or, if ChipScreen should not read it, ");
    /// default: <c>ignore it by name (--ignore-column "NAME")</c>.</param>
    public static OrderCsvReader Open(Stream stream, string displayName, bool leaveOpen = false, IReadOnlyCollection<string>? ignoreColumns = null,
        Func<IReadOnlyList<string>, string>? howToIgnore = null) =>
        new(options => CsvReader.Create(stream, options, leaveOpen), displayName, ignoreColumns, howToIgnore);

    /// <summary>Reads CSV from text (for tests and small batches).</summary>
    public static OrderCsvReader FromText(string text, string displayName = "orders.csv", IReadOnlyCollection<string>? ignoreColumns = null) =>
        new(options => CsvReader.FromText(text, options), displayName, ignoreColumns);

    /// <summary>How <c>chipscreen screen</c> names columns to ignore: <c>ignore it by name (--ignore-column "End User HQ")</c>.</summary>
    private static string IgnoreOption(IReadOnlyList<string> names) =>
        $"ignore {(names.Count == 1 ? "it" : "them")} by name ({string.Join(' ', names.Select(n => $"--ignore-column \"{n}\""))})";

    private static CsvReaderOptions Options(MalformedRecords malformed) => new()
    {
        Separator = ',',
        HasHeader = true,
        AllowLineBreaksInQuotes = true,
        SkipEmptyLines = true,
        TrackLineNumbers = true,
        PoolStrings = false, // the pool locks on every new value, and order ids are all new
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        MissingField = CsvMissingFieldHandling.ReturnEmpty,
        MalformedData = CsvMalformedDataHandling.Recover,
        OnMalformedRecord = malformed.Add,
    };

    /// <summary>Reads every data row, in file order, on this thread.</summary>
    /// <exception cref="OrderFileException">A quoted field is never closed: the rest of the file would be lost.</exception>
    public IEnumerable<OrderLine> ReadLines() => Map(line => line, 1);

    /// <summary>Reads every data row and maps it with <paramref name="selector"/>; results come in file order.</summary>
    /// <remarks>
    /// With several threads, rows are parsed and mapped on CsvHelper's workers. CsvHelper scans the input on one
    /// thread, in order, and reports a badly quoted record while scanning, before any worker maps it; so the row
    /// is parsed with the issue that holds it. The results are checked against the reports in order, and a report
    /// that no row took stops the run rather than let a bad row through.
    /// </remarks>
    /// <param name="selector">Thread-safe when <paramref name="degreeOfParallelism"/> is not 1.</param>
    /// <param name="degreeOfParallelism">Threads; -1 for one per processor.</param>
    /// <exception cref="OrderFileException">A quoted field is never closed: the rest of the file would be lost.</exception>
    public IEnumerable<T> Map<T>(Func<OrderLine, T> selector, int degreeOfParallelism)
    {
        var headerCount = Headers.Count;
        var rows = degreeOfParallelism == 1
            ? ReadSerial()
            : _csv.ParallelEnumerate(reader => selector(Parse(reader, headerCount)), degreeOfParallelism);
        long row = 0;
        foreach (var result in rows)
        {
            row++;
            if (_malformed.Header is { } header)
                throw HeaderQuoting(header);
            if (_malformed.UnterminatedQuote is { } record && record <= row + 1)
                throw new OrderFileException($"{Name}: a quoted field that starts in row {record - 1} is never closed; the rows after it cannot be read. Close the quote (write \"\" for a quote inside a quoted field).");
            if (_malformed.Pending(row + 1))
                throw new InvalidOperationException($"{Name}: row {row} was reported as badly quoted after it was read; it cannot be screened safely");
            yield return result;
        }

        IEnumerable<T> ReadSerial()
        {
            while (_csv.Read())
                yield return selector(Parse(_csv, headerCount));
        }
    }

    private OrderLine Parse(CsvReader csv, int headerCount)
    {
        var fieldCount = csv.FieldCount;
        List<FieldIssue>? rowIssues = null; // most rows have none: allocate only when needed
        if (fieldCount != headerCount)
            (rowIssues ??= []).Add(new FieldIssue(IssueCodes.RowFieldCount, "row",
                $"has {fieldCount} field{(fieldCount == 1 ? "" : "s")} where the header has {headerCount}{Beyond(csv, headerCount, fieldCount)}; check for an unquoted comma or a missing value"));
        var swallowed = SwallowedRows(csv, fieldCount, ref rowIssues);
        if (_malformed.Take(csv.RowNumber + 1)) // CsvHelper counts the header as record 1
            (rowIssues ??= []).Add(new FieldIssue(IssueCodes.RowMalformed, "row", "has malformed quoting (a stray or unbalanced quote)" +
                (!swallowed && Lines(csv) is { } lines ? $" and runs over {lines}, which were read as one order line: check the quoting" : "")));
        var fields = new string?[OrderColumns.All.Count];
        for (var c = 0; c < fields.Length; c++)
        {
            var index = _columnIndex[c];
            fields[c] = index >= 0 && index < fieldCount && !csv.IsEmpty(index) ? csv.GetString(index) : null;
        }
        return OrderFields.Parse(csv.RowNumber, csv.LineNumber, fields, rowIssues);
    }

    /// <summary>Adds an issue for a field that holds line breaks followed by commas: rows a quote took in. Returns whether it did.</summary>
    /// <remarks>
    /// A quote that opens a field and closes on a later line makes every line in between part of that field, valid RFC
    /// 4180 when the quote happens to close at a field's end: an order line for China read as the end use of the line
    /// before it. Text with line breaks is legitimate (an address, a note), but its later lines seldom hold the separator,
    /// while rows always do; so such a field holds its line (fail closed), naming the file lines read as one. Costs
    /// nothing for a record without a line break.
    /// </remarks>
    private bool SwallowedRows(CsvReader csv, int fieldCount, ref List<FieldIssue>? issues)
    {
        if (csv.RawRecord.IndexOfAny((byte)'\n', (byte)'\r') < 0)
            return false;
        for (var i = 0; i < fieldCount; i++)
        {
            var raw = csv.GetRawSpan(i);
            var lineBreak = raw.IndexOfAny((byte)'\n', (byte)'\r');
            if (lineBreak < 0 || raw[lineBreak..].IndexOf((byte)',') < 0)
                continue;
            (issues ??= []).Add(new FieldIssue(IssueCodes.RowSpansLines, FieldName(i),
                $"holds line breaks followed by commas, as if it had taken in rows: {Lines(csv)} were read as one order line: check the quoting (a quote left open takes in the rows after it)"));
            return true;
        }
        return false;
    }

    /// <summary>"file lines 3-5": the lines of the input the current record runs over; null when it is on one line.</summary>
    private static string? Lines(CsvReader csv)
    {
        var raw = csv.RawRecord;
        long breaks = 0;
        for (var i = raw.IndexOfAny((byte)'\n', (byte)'\r'); i >= 0; i = raw.IndexOfAny((byte)'\n', (byte)'\r'))
        {
            breaks++;
            var crlf = raw[i] == '\r' && i + 1 < raw.Length && raw[i + 1] == '\n';
            raw = raw[(i + (crlf ? 2 : 1))..];
        }
        return breaks == 0 ? null : $"file lines {csv.LineNumber}-{csv.LineNumber + breaks}";
    }

    /// <summary>The field at <paramref name="index"/> in messages: its contract column, else its header as written, else its position.</summary>
    private string FieldName(int index)
    {
        var column = Array.IndexOf(_columnIndex, index);
        return column >= 0 ? OrderColumns.All[column]
            : index < Headers.Count && !string.IsNullOrWhiteSpace(Headers[index]) ? $"column '{Headers[index]}'"
            : $"field {index + 1}";
    }

    /// <summary>The header row's quoting is broken: its column names cannot be trusted, and a quote it opens may have taken
    /// in rows after it. CsvHelper may report it when the header is read or only while the first rows are scanned.</summary>
    private OrderFileException HeaderQuoting(CsvMalformedReason reason)
    {
        if (reason == CsvMalformedReason.UnterminatedQuote)
            return new OrderFileException($"{Name}: a quoted field that starts in the header row (line 1) is never closed; the rows after it cannot be read. Close the quote (write \"\" for a quote inside a quoted field).");
        var quoted = Headers.FirstOrDefault(h => h.Contains('"'));
        return new OrderFileException($"{Name}: the header row (line 1) has malformed quoting (a stray or unbalanced quote)" + (quoted is null
            ? ": write the header without quotes, or quote a name and double each quote inside it"
            : $" in column '{quoted}': write the header without quotes, or quote the name and double the quote inside (\"{quoted.Replace("\"", "\"\"")}\")"));
    }

    /// <summary>Why header names holding NUL bytes show the file is not UTF-8 text (": its header row holds NUL bytes, as
    /// UTF-16 text without a byte-order mark does; ..."), or null when they hold none.</summary>
    /// <remarks>UTF-16 or UTF-32 without a byte-order mark is read as UTF-8 whose every other (or three in four) bytes are
    /// NUL: the header still matched, since NUL is not a letter, and every line became rows of garbled text.</remarks>
    private static string? NulBytes(IReadOnlyList<string> headers)
    {
        var text = string.Join(',', headers);
        if (!text.Contains('\0'))
            return null;
        var encoding = Follows(text, 2, 1) || Follows(text, 2, 0) ? "UTF-16"
            : Follows(text, 4, 0) || Follows(text, 4, 3) ? "UTF-32"
            : null;
        return encoding is null
            ? " text: its header row holds NUL bytes (is it a spreadsheet or another binary file?); export the orders as CSV (\"CSV UTF-8\")"
            : $": its header row holds NUL bytes, as {encoding} text without a byte-order mark does; save it as UTF-8 (\"CSV UTF-8\")";

        // Whether, in nine of ten units of `width` characters, only the one at `offset` is not NUL (ASCII in UTF-16/32).
        static bool Follows(string text, int width, int offset)
        {
            int units = 0, matching = 0;
            for (var i = 0; i + width <= text.Length; i += width, units++)
            {
                var ok = true;
                for (var j = 0; j < width && ok; j++)
                    ok = (text[i + j] == '\0') != (j == offset);
                if (ok)
                    matching++;
            }
            return units >= 2 && matching * 10 >= units * 9;
        }
    }

    /// <summary>The values of a row beyond its header's columns, which no column names, so that the line's audit record
    /// keeps them in its data issue: " (beyond it: 'a', 'b')"; empty when there are none.</summary>
    private static string Beyond(CsvReader csv, int headerCount, int fieldCount)
    {
        const int Shown = 5, Longest = 80;
        if (fieldCount <= headerCount)
            return "";
        var values = Enumerable.Range(headerCount, Math.Min(fieldCount - headerCount, Shown))
            .Select(i => csv.GetString(i) ?? "")
            .Select(v => $"'{(v.Length <= Longest ? v : v[..Longest] + "...")}'");
        return $" (beyond it: {string.Join(", ", values)}{(fieldCount - headerCount > Shown ? ", ..." : "")})";
    }

    /// <summary>The records CsvHelper reported as malformed, until their row is read. Thread-safe.</summary>
    private sealed class MalformedRecords
    {
        private readonly SortedSet<long> _records = [];
        private volatile int _count;

        public long? UnterminatedQuote { get; private set; }

        private volatile int _header = -1;

        /// <summary>Why the header row (record 1) is malformed; null while it is not reported as such.</summary>
        public CsvMalformedReason? Header => _header < 0 ? null : (CsvMalformedReason)_header;

        public void Add(CsvMalformedRecord record)
        {
            lock (_records)
            {
                if (record.RecordNumber == 1)
                {
                    if (_header < 0)
                        _header = (int)record.Reason;
                    return;
                }
                if (record.Reason == CsvMalformedReason.UnterminatedQuote)
                    UnterminatedQuote ??= record.RecordNumber;
                _records.Add(record.RecordNumber);
                _count = _records.Count;
            }
        }

        /// <summary>Whether a report for <paramref name="record"/> or an earlier one is still waiting for its row.</summary>
        public bool Pending(long record)
        {
            if (_count == 0)
                return false;
            lock (_records)
                return _records.Count > 0 && _records.Min <= record;
        }

        public bool Take(long record)
        {
            if (_count == 0)
                return false;
            lock (_records)
            {
                var taken = _records.Remove(record);
                _count = _records.Count;
                return taken;
            }
        }
    }

    private static int ColumnPosition(string column) => column switch
    {
        OrderColumns.OrderId => 0,
        OrderColumns.Line => 1,
        OrderColumns.ShipDate => 2,
        OrderColumns.Sku => 3,
        OrderColumns.Tpp => 4,
        OrderColumns.DieAreaMm2 => 5,
        OrderColumns.Datacenter => 6,
        OrderColumns.ChipsPerUnit => 7,
        OrderColumns.Quantity => 8,
        OrderColumns.DestinationCountry => 9,
        OrderColumns.EndUser => 10,
        OrderColumns.EndUserCountry => 11,
        OrderColumns.EndUserHqCountry => 12,
        OrderColumns.Consignee => 13,
        OrderColumns.EndUse => 14,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
    };

    private static (int[] Index, IReadOnlyList<string> Ignored) MapHeaders(IReadOnlyList<string> headers, string displayName,
        IReadOnlyCollection<string> ignoreColumns, Func<IReadOnlyList<string>, string> howToIgnore)
    {
        foreach (var name in ignoreColumns)
            if (OrderColumns.Match(name) is { } read)
                throw new OrderFileException($"{displayName}: the column to ignore '{name}' is {read}, which ChipScreen reads and screens; only columns it does not read can be ignored");
        var ignoreKeys = ignoreColumns.Select(OrderColumns.Key).ToHashSet(StringComparer.Ordinal);
        var index = Enumerable.Repeat(-1, OrderColumns.All.Count).ToArray();
        var ignored = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            if (OrderColumns.Match(headers[i]) is not { } column)
            {
                if (!string.IsNullOrWhiteSpace(headers[i]))
                    ignored.Add(headers[i]);
                continue;
            }
            var position = ColumnPosition(column);
            if (index[position] >= 0)
                throw new OrderFileException($"{displayName}: columns '{headers[index[position]]}' and '{headers[i]}' both mean {column}; keep one");
            index[position] = i;
        }

        var missing = OrderColumns.Required.Where(c => index[ColumnPosition(c)] < 0).ToList();
        if (missing.Count > 0 && OtherSeparator(headers) is { } separator)
            throw new OrderFileException($"{displayName}: the header row is separated by {separator}, not commas; ChipScreen reads comma-separated files (RFC 4180): save or export the file as CSV with commas");
        if (missing.Count > 0)
        {
            var detail = string.Join("; ", missing.Select(c => $"'{c}' (or {string.Join(", ", OrderColumns.Aliases[c].Select(a => $"'{a}'"))})"));
            throw new OrderFileException($"{displayName}: missing required column{(missing.Count > 1 ? "s" : "")} {detail}");
        }
        if (index[ColumnPosition(OrderColumns.Sku)] < 0 && index[ColumnPosition(OrderColumns.Tpp)] < 0)
            throw new OrderFileException($"{displayName}: missing column 'sku' or 'tpp'; each line needs a catalog SKU or the chip's TPP");

        var suspect = ignored.Where(h => !ignoreKeys.Contains(OrderColumns.Key(h)))
            .Select(h => (Header: h, Nearest: OrderColumns.LooksLike(h))).Where(h => h.Nearest is not null).ToList();
        if (suspect.Count > 0)
        {
            var one = suspect.Count == 1;
            var named = string.Join(", ", suspect.Select(h => $"'{h.Header}' (did you mean {h.Nearest}?)"));
            throw new OrderFileException($"{displayName}: column{(one ? "" : "s")} {named} {(one ? "is not one" : "are not ones")} ChipScreen reads, " +
                $"but {(one ? "its name looks like one" : "their names look like ones")} it screens, which would be left unscreened. " +
                $"Rename {(one ? "it" : "each")} to the column it holds, or, if ChipScreen should not read {(one ? "it" : "them")}, {howToIgnore(suspect.ConvertAll(h => h.Header))}. " +
                $"ChipScreen reads {string.Join(", ", OrderColumns.All)} (the README lists the other names it accepts for them)");
        }
        return (index, ignored);
    }

    /// <summary>What separates a header row that is one field: semicolons (a spreadsheet saved in a locale with decimal
    /// commas), tabs or vertical bars (ERP exports), when splitting on it names a required column; otherwise null.</summary>
    private static string? OtherSeparator(IReadOnlyList<string> headers)
    {
        if (headers.Count != 1)
            return null;
        foreach (var (separator, name) in new[] { (';', "semicolons"), ('\t', "tabs"), ('|', "vertical bars") })
            if (headers[0].Split(separator).Any(h => OrderColumns.Match(h) is { } c && OrderColumns.Required.Contains(c)))
                return name;
        return null;
    }

    /// <inheritdoc />
    public void Dispose() => _csv.Dispose();
}
