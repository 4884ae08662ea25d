using System.Globalization;
using ChipScreen.Screening;
using System.Text;
using CsvHelper;

namespace ChipScreen.Reports;

/// <summary>Writes <c>decisions.csv</c> exactly as the screening contract says: one row per input row, in input order.</summary>
/// <remarks>
/// Columns: <c>order_id, line, decision, exception, eccn, tier, destination, rule_ids, message</c>. RFC 4180
/// (CRLF, quotes where needed), UTF-8 without BOM, invariant formatting, and text that a spreadsheet would
/// run as a formula prefixed with an apostrophe. Deterministic: the same decisions give the same bytes.
/// </remarks>
public sealed class DecisionsCsvWriter : IDisposable
{
    /// <summary>The header row.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["order_id", "line", "decision", "exception", "eccn", "tier", "destination", "rule_ids", "message"];

    private static readonly CsvWriterOptions s_options = new()
    {
        Injection = CsvInjection.None, // done below for the fields that come from the input, which is faster
        FormatProvider = CultureInfo.InvariantCulture,
        WriteByteOrderMark = false,
    };

    private readonly Stream _stream;
    private readonly bool _leaveOpen;

    /// <summary>Writes to <paramref name="stream"/> (left open when <paramref name="leaveOpen"/>), starting with the header.</summary>
    public DecisionsCsvWriter(Stream stream, bool leaveOpen = false)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        using var header = CsvWriter.Create(stream, s_options, leaveOpen: true);
        header.WriteHeader(Columns.ToArray());
    }

    /// <summary>Writes one decision.</summary>
    public void Write(LineDecision decision) => _stream.Write(Format(decision));

    /// <summary>Writes a record already made by <see cref="Format"/> (which can run on any thread).</summary>
    public void WriteFormatted(ReadOnlySpan<byte> record) => _stream.Write(record);

    /// <summary>Formats one decision as its CSV record (UTF-8, with its line ending). Thread-safe.</summary>
    public static byte[] Format(LineDecision decision) => FormatSpan(decision).ToArray();

    /// <summary>Formats one decision into this thread's buffer; the span is valid until the next call on the thread.</summary>
    internal static ReadOnlySpan<byte> FormatSpan(LineDecision decision)
    {
        var (csv, buffer) = t_writer ??= NewWriter();
        buffer.SetLength(0);
        Write(csv, decision);
        csv.Flush();
        return buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
    }

    [ThreadStatic]
    private static (CsvWriter, MemoryStream)? t_writer;

    [ThreadStatic]
    private static StringBuilder? t_message;

    private static (CsvWriter, MemoryStream) NewWriter()
    {
        var buffer = new MemoryStream(1024);
        return (CsvWriter.Create(buffer, s_options with { ValidateFieldCount = false }, leaveOpen: true), buffer);
    }

    private static void Write(CsvWriter csv, LineDecision decision)
    {
        csv.WriteField(Defused(decision.OrderId));
        csv.WriteField(Defused(decision.Line));
        csv.WriteField(decision.Decision.ToContractString());
        csv.WriteField(decision.Exception ?? "");
        csv.WriteField(decision.Eccn?.Value ?? "");
        csv.WriteField(decision.Tier is { } tier ? tier.ToString(CultureInfo.InvariantCulture) : "");
        csv.WriteField(decision.Destination);
        csv.WriteField(decision.RuleIds);

        // The message joins every reason; build it in a reused buffer rather than a new string per line.
        var message = t_message ??= new StringBuilder(1024);
        message.Clear();
        decision.AppendMessage(message);
        foreach (var chunk in message.GetChunks())
        {
            if (chunk.Length == message.Length)
            {
                csv.WriteField(chunk.Span);
                csv.EndRecord();
                return;
            }
        }
        csv.WriteRecord(message.ToString());
    }

    /// <summary>Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets an apostrophe in front.</summary>
    internal static string Defused(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    /// <summary>Flushes what is buffered.</summary>
    public void Flush() => _stream.Flush();

    /// <inheritdoc />
    public void Dispose()
    {
        _stream.Flush();
        if (!_leaveOpen)
            _stream.Dispose();
    }
}
