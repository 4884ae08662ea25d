using ChipScreen.Orders;

namespace ChipScreen.Service;

/// <summary>Screens order lines for a host (an ERP integration, the HTTP server, the CLI): one line, or a streamed batch.</summary>
/// <remarks>
/// <para>Thread-safe; register as a singleton (<c>services.AddChipScreen(...)</c> does). Each call takes the pack serving
/// at its start and keeps it to the end, so every result of a call names the same pack revision, even when the rules
/// reload meanwhile.</para>
/// <para>Errors come on three channels: a null argument throws <see cref="ArgumentException"/>; bad order data comes back
/// as a <c>HOLD</c> result whose <see cref="ScreeningResult.Issues"/> name the fields; unusable infrastructure throws.</para>
/// <para>Volumes: a single line is screened on its own, after the volumes of <see cref="ChipScreenOptions.Ledger"/> when
/// one is set, else of the registered <see cref="Volumes.IVolumeBaseline"/> (none by default); nothing is recorded. A
/// batch settles volumes among its lines in ship-date order, then input order, after the same baseline, exactly as
/// <c>chipscreen screen</c> does for a file.</para>
/// </remarks>
public interface IOrderScreener
{
    /// <summary>The pack serving now.</summary>
    PackIdentity Pack { get; }

    /// <summary>Screens one order line.</summary>
    /// <param name="line">The line; its <see cref="OrderLine.Row"/> is ignored (the result's row is 1).</param>
    /// <param name="cancellationToken">Cancels before the line is screened.</param>
    ValueTask<ScreeningResult> ScreenAsync(OrderLine line, CancellationToken cancellationToken = default);

    /// <summary>Screens a batch: reads every line first (at most <see cref="ChipScreenOptions.MaxBatchLines"/>), settles
    /// volumes in ship-date order, then yields one result per line, in input order, as they are decided.</summary>
    /// <remarks>Nothing is yielded before the input ends, because a line's volume can depend on a later line with an
    /// earlier ship date. A batch over the limit throws <see cref="BatchTooLargeException"/> before any result.</remarks>
    /// <param name="lines">The batch; rows are numbered 1, 2, ... in the order they come.</param>
    /// <param name="cancellationToken">Cancels reading and screening.</param>
    IAsyncEnumerable<ScreeningResult> ScreenBatchAsync(IAsyncEnumerable<OrderLine> lines, CancellationToken cancellationToken = default);
}
