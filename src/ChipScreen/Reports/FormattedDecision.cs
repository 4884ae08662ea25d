using ChipScreen.Screening;

namespace ChipScreen.Reports;

/// <summary>A decision as the file outputs need it, made on the worker that decided it: its decisions.csv record,
/// its audit.jsonl record, its report.html row, and what the summary counts.</summary>
/// <remarks>The three records share one buffer, sized to fit them.</remarks>
public sealed class FormattedDecision
{
    private readonly byte[] _buffer;
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

    private byte[] Buffer => _buffer;

    /// <summary>Formats a decision for every output. Thread-safe.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="listNlr">Whether report.html lists NLR lines (small batches).</param>
    public static FormattedDecision Of(LineDecision decision, bool listNlr)
    {
        // Each formatter writes into its thread's own buffer; the three records are then copied once, side by side.
        var csv = DecisionsCsvWriter.FormatSpan(decision);
        var audit = AuditRecordJson.FormatSpan(decision);
        var html = decision.Decision == Decision.Nlr && !listNlr ? default : HtmlReport.FormatRowSpan(decision);
        var buffer = new byte[csv.Length + audit.Length + html.Length];
        csv.CopyTo(buffer);
        audit.CopyTo(buffer.AsSpan(csv.Length));
        html.CopyTo(buffer.AsSpan(csv.Length + audit.Length));
        return new FormattedDecision(buffer, csv.Length, audit.Length, html.Length, DecisionDigest.Of(decision));
    }

}
