namespace ChipScreen.Server;

/// <summary>The HTTP side of <c>chipscreen serve</c>: who may call, and how much a request may carry.</summary>
/// <remarks>Bound from the configuration section <see cref="SectionName"/>; every value out of range is reported at
/// start-up at once, naming its key. The screening itself is configured by the <c>ChipScreen</c> section.</remarks>
public sealed class ChipScreenServerOptions
{
    /// <summary>The configuration section: <c>ChipScreenServer</c>.</summary>
    public const string SectionName = "ChipScreenServer";

    /// <summary>The smallest body limit: 1 KiB.</summary>
    public const long MinBodyBytes = 1024;

    /// <summary>The largest <see cref="MaxOrderBytes"/>: 1 MiB.</summary>
    public const long MaxOrderBytesLimit = 1024 * 1024;

    /// <summary>The largest <see cref="MaxBatchBytes"/>: 256 MiB.</summary>
    public const long MaxBatchBytesLimit = 256L * 1024 * 1024;

    /// <summary>The largest <see cref="MaxConcurrentBatches"/>: 64.</summary>
    public const int MaxConcurrentBatchesLimit = 64;

    /// <summary>The keys that may call <c>/v1/*</c>; at least one is required (the server does not start without).</summary>
    public List<ApiKey> ApiKeys { get; set; } = [];

    /// <summary>The largest body of <c>POST /v1/screen</c>, in bytes. Default 64 KiB; from 1 KiB to 1 MiB.</summary>
    public long MaxOrderBytes { get; set; } = 64 * 1024;

    /// <summary>The largest body of <c>POST /v1/screen/batch</c>, in bytes. Default 16 MiB; from 1 KiB to 256 MiB.</summary>
    public long MaxBatchBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Batches screened at once; one more is refused with 429 (a batch is held in memory). Default 2; from 1 to 64.</summary>
    public int MaxConcurrentBatches { get; set; } = 2;
}
