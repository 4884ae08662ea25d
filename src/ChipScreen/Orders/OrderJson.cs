using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace ChipScreen.Orders;

/// <summary>Reads order lines from JSON objects whose property names are the contract's columns (<c>order_id</c>,
/// <c>quantity</c>, <c>destination_country</c>, ...) or the ERP aliases the CSV reader accepts.</summary>
/// <remarks>
/// Values go through the same parsing as CSV fields: a string, a number or true/false is taken as the text of the field,
/// so <c>"quantity": 10</c> and <c>"quantity": "10"</c> are the same. Unlike a CSV header, a property that names no
/// field is a problem of the line (<c>unknown_field</c>): a misspelt optional field such as the headquarters country
/// must not be dropped silently. Field problems never throw; they hold the line. Only JSON that does not parse throws
/// <see cref="OrderJsonException"/>.
/// </remarks>
public static class OrderJson
{
    private static readonly string s_fieldList = string.Join(", ", OrderColumns.All);

    /// <summary>Reads one order line from a JSON object.</summary>
    /// <param name="order">The object.</param>
    /// <param name="row">The line's 1-based position in its batch.</param>
    public static OrderLine Read(JsonElement order, long row = 1)
    {
        var fields = new string?[OrderColumns.All.Count];
        List<FieldIssue>? issues = null;
        if (order.ValueKind != JsonValueKind.Object)
        {
            (issues ??= []).Add(new FieldIssue(IssueCodes.Invalid, "row", $"is a JSON {order.ValueKind.ToString().ToLowerInvariant()}, not an object of order fields"));
            return OrderFields.Parse(row, 0, fields, issues);
        }
        var seen = new bool[fields.Length];
        foreach (var property in order.EnumerateObject())
        {
            if (!TryName(property, out var name))
            {
                (issues ??= []).Add(NotText("row", name));
                continue;
            }
            var column = OrderColumns.Match(name);
            if (column is null)
            {
                (issues ??= []).Add(new FieldIssue(IssueCodes.UnknownField, name, $"is not an order field (the fields are {s_fieldList})"));
                continue;
            }
            var index = IndexOf(column);
            if (seen[index])
            {
                (issues ??= []).Add(new FieldIssue(IssueCodes.Invalid, column, "is given twice"));
                continue;
            }
            seen[index] = true;
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    if (!TryText(value, out var text))
                        (issues ??= []).Add(NotText(column, text));
                    fields[index] = text;
                    break;
                case JsonValueKind.Number:
                    fields[index] = value.GetRawText();
                    break;
                case JsonValueKind.True:
                    fields[index] = "true";
                    break;
                case JsonValueKind.False:
                    fields[index] = "false";
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    (issues ??= []).Add(new FieldIssue(IssueCodes.Invalid, column, $"is a JSON {value.ValueKind.ToString().ToLowerInvariant()}; give a string, a number or true/false"));
                    break;
            }
        }
        return OrderFields.Parse(row, 0, fields, issues);
    }

    // System.Text.Json checks a string's bytes and escapes only when the string is read, and then throws. Text that is
    // not text (bytes that are not UTF-8, half a surrogate pair escaped) is kept as written, with U+FFFD for each byte
    // that does not decode, and its field held.

    private static bool TryName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8PropertyName(property));
            return false;
        }
    }

    private static bool TryText(JsonElement value, out string text)
    {
        try
        {
            text = value.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8Value(value)[1..^1]); // without the quotes
            return false;
        }
    }

    private static string NameAt(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    private static FieldIssue NotText(string field, string text) =>
        new(IssueCodes.Invalid, field, $"'{text}' is not text: it has bytes that are not UTF-8 (shown as {OrderFields.Undecodable}) or an escape of half a surrogate pair");

    /// <summary>Parses one order line from a UTF-8 JSON object.</summary>
    /// <exception cref="OrderJsonException">The body is not JSON; names the field it broke in.</exception>
    public static OrderLine Parse(ReadOnlyMemory<byte> utf8Json)
    {
        // A UTF-8 byte-order mark is allowed, as in a batch (Windows and .NET clients write one).
        if (utf8Json.Span.StartsWith("\uFEFF"u8))
            utf8Json = utf8Json[3..];
        // First find where the JSON breaks, if it does, and in which field; then read it.
        var reader = new Utf8JsonReader(utf8Json.Span, new JsonReaderOptions { MaxDepth = 16 });
        string? field = null;
        try
        {
            while (reader.Read())
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                    field = NameAt(ref reader);
        }
        catch (JsonException e)
        {
            throw Broken(e, field, null);
        }
        using var document = JsonDocument.Parse(utf8Json);
        return Read(document.RootElement);
    }

    /// <summary>Reads a UTF-8 JSON array of order objects as it arrives, one line per element (rows 1, 2, ...).</summary>
    /// <exception cref="OrderJsonException">The body is not a JSON array, or breaks; names the element.</exception>
    public static async IAsyncEnumerable<OrderLine> ReadArrayAsync(Stream utf8Json, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var locator = new ElementLocator();
        var body = new ObservedStream(utf8Json, locator);
        var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(body, topLevelValues: false, s_options, cancellationToken);
        await using var e = elements.GetAsyncEnumerator(cancellationToken);
        long row = 0;
        while (true)
        {
            try
            {
                if (!await e.MoveNextAsync().ConfigureAwait(false))
                    break;
            }
            catch (JsonException x)
            {
                // Elements are read ahead in chunks, and the reader's path counts from the chunk: the element is the last one
                // that started before the place the reader stopped.
                throw Broken(x, null, x.LineNumber is { } line && x.BytePositionInLine is { } column && locator.ElementAt(line, column) is { } element
                    ? element
                    : ElementOf(x.Path) ?? row + 1);
            }
            yield return Read(e.Current, ++row);
        }
        // The reader takes a JSON null for an empty array: a client that sends null for its list of orders would be answered
        // as if it had sent none.
        if (row == 0 && locator.First is { Value: (byte)'n' } first)
            throw new OrderJsonException(null, null, first.Line + 1, first.Column + 1, "the body must be a JSON array of order objects, not null");
    }

    private static readonly JsonSerializerOptions s_options = new() { MaxDepth = 16 };

    /// <summary>Where each element of a top-level JSON array starts, as its bytes go by: the 0-based line and byte in the
    /// line, the reader's way of counting; and the body's first value byte and where it is.</summary>
    private sealed class ElementLocator
    {
        private readonly List<(long Line, long Column)> _starts = [];

        /// <summary>The first byte of the body's top-level value (a byte-order mark and white space before it left out).</summary>
        public (byte Value, long Line, long Column)? First { get; private set; }

        private long _line, _column;
        private int _depth;
        private bool _inString, _escaped, _expectValue;

        public void Observe(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                if (_inString)
                {
                    if (_escaped)
                        _escaped = false;
                    else if (b == '\\')
                        _escaped = true;
                    else if (b == '"')
                        _inString = false;
                }
                else if (First is null && b is 0xEF or 0xBB or 0xBF)
                {
                    // A UTF-8 byte-order mark, before the value (no JSON value starts with these bytes).
                }
                else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    First ??= (b, _line, _column);
                    if (_depth == 1 && _expectValue && b != ']')
                    {
                        _starts.Add((_line, _column));
                        _expectValue = false;
                    }
                    switch (b)
                    {
                        case (byte)'"':
                            _inString = true;
                            break;
                        case (byte)'[' or (byte)'{':
                            _depth++;
                            if (_depth == 1)
                                _expectValue = true;
                            break;
                        case (byte)']' or (byte)'}':
                            _depth--;
                            break;
                        case (byte)',' when _depth == 1:
                            _expectValue = true;
                            break;
                    }
                }
                if (b == '\n')
                {
                    _line++;
                    _column = 0;
                }
                else
                {
                    _column++;
                }
            }
        }

        /// <summary>The 1-based element that had started at the place (0-based line and byte in the line); null before the
        /// first.</summary>
        public long? ElementAt(long line, long column)
        {
            var count = 0L;
            foreach (var (l, c) in _starts)
            {
                if (l > line || (l == line && c > column))
                    break;
                count++;
            }
            return count == 0 ? null : count;
        }
    }

    /// <summary>A stream read through, <paramref name="observer"/> seeing every byte handed out: read-only, forward only.</summary>
    private sealed class ObservedStream(Stream inner, ElementLocator observer) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            observer.Observe(buffer[..n]);
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            observer.Observe(buffer.Span[..n]);
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static OrderJsonException Broken(JsonException e, string? field, long? element)
    {
        var reason = e.Message;
        var cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
            cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
            reason = reason[..cut];
        if (reason.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
            reason = "the body must be a JSON array of order objects";
        var line = (e.LineNumber ?? 0) + 1;
        var column = (e.BytePositionInLine ?? 0) + 1;
        return new OrderJsonException(field, element, line, column, reason.TrimEnd('.'), e);
    }

    /// <summary>The 1-based element of a path such as <c>$[4]</c> or <c>$[4].quantity</c>.</summary>
    private static long? ElementOf(string? path) =>
        path is not null && path.StartsWith("$[", StringComparison.Ordinal) && path.IndexOf(']', StringComparison.Ordinal) is var end and > 2 &&
        long.TryParse(path.AsSpan(2, end - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            ? index + 1
            : null;

    private static int IndexOf(string column)
    {
        var all = OrderColumns.All;
        for (var i = 0; i < all.Count; i++)
            if (ReferenceEquals(all[i], column) || all[i] == column)
                return i;
        throw new InvalidOperationException($"unknown column {column}");
    }
}
