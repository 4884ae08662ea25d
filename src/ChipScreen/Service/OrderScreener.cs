using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ChipScreen.Orders;
using ChipScreen.Screening;
using ChipScreen.Volumes;
using Microsoft.Extensions.Options;

namespace ChipScreen.Service;

/// <summary>The <see cref="IOrderScreener"/> over an <see cref="IRulePackSource"/>: the pack's screener with the host's
/// as-of date and volume baseline.</summary>
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
        var decision = prepared.Screener.ScreenOne(line with { Row = 1 }, asOf, baseline);
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
            if (line is null)
                throw new ArgumentException($"line {batch.Count + 1} of the batch is null", nameof(lines));
            if (batch.Count == _options.MaxBatchLines)
                throw new BatchTooLargeException(_options.MaxBatchLines);
            batch.Add(line);
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
                foreach (var decision in prepared.Screener.Screen(new OrderLines(batch), asOf, baseline))
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
                yield return result;
        }
        finally
        {
            // Stopped early, cancelled or failed: stop the producer and wait for it, so no worker outlives the call.
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }
    }

    private static ScreeningResult Result(PreparedPack prepared, LineDecision decision, DateOnly asOf) =>
        new(decision, prepared.Identity, asOf, prepared.IssuesOf(decision, asOf));
}
