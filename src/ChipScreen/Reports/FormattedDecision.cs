using System.Collections.Concurrent;
using ChipScreen.Screening;

namespace ChipScreen.Reports;

/// <summary>A decision as the file outputs need it, made on the worker that decided it: its decisions.csv record,
/// its audit.jsonl record, its report.html row, and what the summary counts.</summary>
/// <remarks>The three records share one buffer. A million lines make some 2 GB of records, so buffers of the usual size
/// come from a pool and go back to it once every output has written them (<see cref="Release"/>).</remarks>
public sealed class FormattedDecision
{
    /// <summary>The size of a pooled buffer: most lines' three records fit (about 1.9 KB); a larger one gets its own.</summary>
    private const int PooledSize = 4096;

    /// <summary>At most this many idle buffers are kept (16 MB).</summary>
    private const int PoolLimit = 4096;

    private static readonly ConcurrentQueue<byte[]> s_pool = new();

    private byte[]? _buffer;
    private readonly int _csv;
    private readonly int _audit;
    private readonly int _html;

    private FormattedDecision(byte[] buffer, int csv, int audit, int html, DecisionDigest digest)
    {
        _buffer = buffer;
        _csv = csv;
        _audit = audit;
        _html = html;
        Digest = digest;
    }

    /// <summary>The decisions.csv record (UTF-8, with its line ending).</summary>
    public ReadOnlySpan<byte> Csv => Buffer.AsSpan(0, _csv);

    /// <summary>The audit.jsonl record (UTF-8, with its line ending).</summary>
    public ReadOnlySpan<byte> Audit => Buffer.AsSpan(_csv, _audit);

    /// <summary>The report.html table row; empty when the line is not listed.</summary>
    public ReadOnlySpan<byte> HtmlRow => Buffer.AsSpan(_csv + _audit, _html);

    /// <summary>What the summary counts.</summary>
    public DecisionDigest Digest { get; }

    private byte[] Buffer => _buffer ?? throw new InvalidOperationException("the record was released");

    /// <summary>Gives the buffer back for another line's records; the record must not be read after.</summary>
    internal void Release()
    {
        var buffer = _buffer;
        _buffer = null;
        if (buffer is { Length: PooledSize } && s_pool.Count < PoolLimit)
            s_pool.Enqueue(buffer);
    }

    /// <summary>Formats a decision for every output. Thread-safe.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="listNlr">Whether report.html lists NLR lines (small batches).</param>
    public static FormattedDecision Of(LineDecision decision, bool listNlr)
    {
        // Each formatter writes into its thread's own buffer; the three records are then copied once, side by side.
        var csv = DecisionsCsvWriter.FormatSpan(decision);
        var audit = AuditRecordJson.FormatSpan(decision);
        var html = decision.Decision == Decision.Nlr && !listNlr ? default : HtmlReport.FormatRowSpan(decision);
        var size = csv.Length + audit.Length + html.Length;
        var buffer = size <= PooledSize ? (s_pool.TryDequeue(out var pooled) ? pooled : new byte[PooledSize]) : new byte[size];
        csv.CopyTo(buffer);
        audit.CopyTo(buffer.AsSpan(csv.Length));
        html.CopyTo(buffer.AsSpan(csv.Length + audit.Length));
        return new FormattedDecision(buffer, csv.Length, audit.Length, html.Length, DecisionDigest.Of(decision));
    }

}
