using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ChipScreen.Ledger;
using ChipScreen.Orders;
using ChipScreen.Screening;
using ChipScreen.Volumes;
using Microsoft.Extensions.Options;

namespace ChipScreen.Service;

/// <summary>The <see cref="IOrderScreener"/> over an <see cref="IRulePackSource"/>: the pack's screener with the host's
/// as-of date and volume baseline (the ledger, when <see cref="ChipScreenOptions.Ledger"/> names one, read afresh by each
/// call).</summary>
internal sealed class OrderScreener(IRulePackSource packs, IOptions<ChipScreenOptions> options, TimeProvider time, IVolumeBaseline baseline) : IOrderScreener
{
    private readonly ChipScreenOptions _options = options.Value;

    public PackIdentity Pack => packs.Current.Identity;

    public ValueTask<ScreeningResult> ScreenAsync(OrderLine line, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(line);
        cancellationToken.ThrowIfCancellationRequested();
        var asOf = _options.AsOfDate(time);
        var prepared = packs.For(asOf);
        var one = OrderFields.CheckTyped(line) with { Row = 1 };
        var screener = prepared.Screener;
        // Against the ledger, the line's own committed entry (the same order id and line, when the line is given) is left out.
        var decision = _options.Ledger is null
            ? screener.ScreenOne(one, asOf, baseline)
            : AfterLedger(screener, batch => screener.ScreenOne(one, asOf, batch.Baseline, batch.AddLine));
        return ValueTask.FromResult(Result(prepared, decision, asOf));
    }

    public async IAsyncEnumerable<ScreeningResult> ScreenBatchAsync(IAsyncEnumerable<OrderLine> lines, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var asOf = _options.AsOfDate(time);
        var prepared = packs.For(asOf); // one pack for the whole batch

        // Volumes are settled in ship-date order, so the whole batch is read before the first line is decided.
        var batch = new List<OrderLine>();
        await foreach (var line in lines.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested(); // a source may not watch the token itself
            if (line is null)
                throw new ArgumentException($"line {batch.Count + 1} of the batch is null", nameof(lines));
            if (batch.Count == _options.MaxBatchLines)
                throw new BatchTooLargeException(_options.MaxBatchLines);
            batch.Add(OrderFields.CheckTyped(line));
        }
        if (batch.Count == 0)
            yield break;

        // The screener blocks while its workers decide; run it off the caller's thread and hand results over in order.
        var results = Channel.CreateBounded<ScreeningResult>(new BoundedChannelOptions(1024) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var decision in Decide(prepared, new OrderLines(batch), asOf))
                {
                    var result = Result(prepared, decision, asOf);
                    if (!results.Writer.TryWrite(result))
                        await results.Writer.WriteAsync(result, stop.Token).ConfigureAwait(false);
                }
                results.Writer.TryComplete();
            }
            catch (Exception e)
            {
                results.Writer.TryComplete(e);
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var result in results.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                // The reader hands out what is waiting without looking at the token; a cancelled call gets none of it.
                cancellationToken.ThrowIfCancellationRequested();
                yield return result;
            }
        }
        finally
        {
            // Stopped early, cancelled or failed: stop the producer and wait for it, so no worker outlives the call.
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }
    }

    /// <summary>A batch's decisions, in input order, after the ledger (read in one snapshot while the batch is planned)
    /// or the registered baseline.</summary>
    private IEnumerable<LineDecision> Decide(PreparedPack prepared, IOrderSource source, DateOnly asOf)
    {
        var screener = prepared.Screener;
        if (_options.Ledger is null)
        {
            foreach (var decision in screener.Screen(source, asOf, baseline))
                yield return decision;
            yield break;
        }
        var plan = AfterLedger(screener, batch => screener.Plan(source, asOf, batch.Baseline, batch.AddLine));
        foreach (var decision in screener.Decide(source, asOf, plan))
            yield return decision;
    }

    /// <summary>Runs <paramref name="plan"/> (which tells the batch its lines and asks its baseline) against a fresh read of
    /// <see cref="ChipScreenOptions.Ledger"/>, in one snapshot, committing nothing.</summary>
    private T AfterLedger<T>(BatchScreener screener, Func<LedgerBatch, T> plan)
    {
        using var ledger = VolumeLedger.Open(new LedgerOptions(_options.Ledger!), time, write: false);
        using var batch = ledger.BeginBatch(screener.Pack.Volumes, commit: false);
        var result = plan(batch);
        batch.EndPlan();
        return result;
    }

    private static ScreeningResult Result(PreparedPack prepared, LineDecision decision, DateOnly asOf) =>
        new(decision, prepared.Identity, asOf, prepared.IssuesOf(decision, asOf)) { RulesChangeOn = prepared.Pack.NextChange?.On };
}
