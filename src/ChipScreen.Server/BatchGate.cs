using Microsoft.Extensions.Options;

namespace ChipScreen.Server;

/// <summary>Lets at most <see cref="ChipScreenServerOptions.MaxConcurrentBatches"/> batches be screened at once (each is
/// held in memory while its volumes are settled).</summary>
internal sealed class BatchGate(IOptions<ChipScreenServerOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentBatches, options.Value.MaxConcurrentBatches);

    public bool TryEnter() => _slots.Wait(0);

    public void Exit() => _slots.Release();

    public void Dispose() => _slots.Dispose();
}
