using System.Collections.Concurrent;
using ChipScreen.Screening;

namespace ChipScreen.Reports;

/// <summary>A run of consecutive decisions as the file outputs need them, made on the worker that decided them: their
/// decisions.csv records, their audit.jsonl records and their report.html rows (by section), each output's records
/// side by side, and what the summary counts.</summary>
/// <remarks>Each output gets the run's records in one write. A million lines make some 2 GB of records, so a run's
/// buffers come from a pool and go back to it once the records are written (<see cref="Release"/>): they are
/// allocated a few times per batch, not once per line.</remarks>
public sealed class FormattedBatch
{
    /// <summary>At most this many idle runs are kept (a few MB).</summary>
    private const int PoolLimit = 16;

    private static readonly ConcurrentQueue<FormattedBatch> s_pool = new();

    private readonly Utf8Buffer _csv = new();
    private readonly JsonLine _audit = new();
    private readonly Utf8Buffer[] _html = [.. Enumerable.Range(0, HtmlReport.SectionCount).Select(_ => new Utf8Buffer())];
    private readonly int[] _htmlRows = new int[HtmlReport.SectionCount];
    private DecisionDigest[] _digests = [];
    private bool _released;

    private FormattedBatch()
    {
    }

    /// <summary>The number of decisions.</summary>
    public int Count { get; private set; }

    /// <summary>Their decisions.csv records (UTF-8, each with its line ending).</summary>
    public ReadOnlySpan<byte> Csv => Live(_csv).Written;

    /// <summary>Their audit.jsonl records (UTF-8, each with its line feed).</summary>
    public ReadOnlySpan<byte> Audit => Live(_audit).Written;

    /// <summary>The report.html rows of the lines that go in <paramref name="section"/> (<see cref="HtmlReport.SectionOf"/>).</summary>
    public ReadOnlySpan<byte> HtmlRows(int section) => Live(_html[section]).Written;

    /// <summary>The number of report.html rows in <paramref name="section"/>; NLR lines are not listed in a large batch.</summary>
    public int HtmlRowCount(int section) => Live(_htmlRows)[section];

    /// <summary>What the summary counts of each decision, in order.</summary>
    public ReadOnlySpan<DecisionDigest> Digests => Live(this)._digests.AsSpan(0, Count);

    /// <summary>Formats a run of decisions for every output. Thread-safe.</summary>
    /// <param name="decisions">The decisions, in input order.</param>
    /// <param name="listNlr">Whether report.html lists NLR lines (small batches).</param>
    public static FormattedBatch Of(IReadOnlyList<LineDecision> decisions, bool listNlr)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var batch = s_pool.TryDequeue(out var pooled) ? pooled : new FormattedBatch();
        batch._released = false;
        if (batch._digests.Length < decisions.Count)
            batch._digests = new DecisionDigest[Math.Max(decisions.Count, 256)];
        foreach (var decision in decisions)
            batch.Add(decision, listNlr);
        return batch;
    }

    /// <summary>Formats one decision for every output.</summary>
    /// <remarks>A method of its own, called once per line: the runtime optimizes a method once it has been called some
    /// thousands of times (BatchRuntime.props), which <see cref="Of"/>, called once per 256 lines, is not in a
    /// 1,000,000-line batch; its loop would run unoptimized to the end.</remarks>
    private void Add(LineDecision decision, bool listNlr)
    {
        _csv.Raw(DecisionsCsvWriter.FormatSpan(decision));
        AuditRecordJson.Append(_audit, decision);
        var section = HtmlReport.SectionOf(decision.Decision);
        if (HtmlReport.IsListed(section, listNlr))
        {
            HtmlReport.AppendRow(_html[section], decision);
            _htmlRows[section]++;
        }
        _digests[Count++] = DecisionDigest.Of(decision);
    }

    /// <summary>Gives the buffers back for another run; the records must not be read after.</summary>
    public void Release()
    {
        if (_released)
            return;
        _released = true;
        _csv.Clear();
        _audit.Clear();
        foreach (var rows in _html)
            rows.Clear();
        Array.Clear(_digests, 0, Count);
        Count = 0;
        Array.Clear(_htmlRows);
        if (s_pool.Count < PoolLimit)
            s_pool.Enqueue(this);
    }

    private T Live<T>(T part) => _released ? throw new InvalidOperationException("the records were released") : part;
}
