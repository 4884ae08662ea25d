using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Server;

/// <summary>One server over the repository's rules for a test class; small limits so 413 is cheap to reach.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    internal LoopbackServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await LoopbackServer.StartAsync(settings: new Dictionary<string, string?>
    {
        ["ChipScreenServer:MaxOrderBytes"] = "4096",
        ["ChipScreenServer:MaxBatchBytes"] = "262144",
        ["ChipScreen:MaxBatchLines"] = "100",
    });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
