using ChipScreen.Server;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Server;

public class ChipScreenServerOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnes_AndNeedAKey()
    {
        var options = new ChipScreenServerOptions();
        Assert.Equal((64 * 1024L, 16L * 1024 * 1024, 2), (options.MaxOrderBytes, options.MaxBatchBytes, options.MaxConcurrentBatches));
        var failure = Assert.Single(new ChipScreenServerOptionsValidator().Validate(null, options).Failures!);
        Assert.StartsWith("ChipScreenServer:ApiKeys is empty", failure);
    }

    [Fact]
    public void EveryFailure_IsReportedAtOnce_NamingItsKeyAndRange()
    {
        var options = new ChipScreenServerOptions
        {
            ApiKeys =
            [
                new ApiKey { Name = "erp", Sha256 = "not-a-hash" },
                new ApiKey { Name = "erp", Sha256 = LoopbackServer.Sha256("a") },
                new ApiKey { Name = "", Sha256 = LoopbackServer.Sha256("a").ToUpperInvariant() },
            ],
            MaxOrderBytes = 10,
            MaxBatchBytes = 1L << 40,
            MaxConcurrentBatches = 0,
        };
        Assert.Equal(
        [
            "ChipScreenServer:ApiKeys:0:Sha256 is not a SHA-256 in hex (64 hex digits); store the hash of the key, not the key",
            "ChipScreenServer:ApiKeys:1:Name 'erp' is used twice",
            "ChipScreenServer:ApiKeys:2:Name is empty; name who holds the key",
            "ChipScreenServer:ApiKeys:2:Sha256 is the hash of a key already listed",
            "ChipScreenServer:MaxOrderBytes is 10; allowed 1024 to 1048576",
            "ChipScreenServer:MaxBatchBytes is 1099511627776; allowed 1024 to 268435456",
            "ChipScreenServer:MaxConcurrentBatches is 0; allowed 1 to 64",
        ], new ChipScreenServerOptionsValidator().Validate(null, options).Failures!);
    }

    [Fact]
    public void TheVerifier_AcceptsOnlyAConfiguredKey()
    {
        var verifier = new ApiKeyVerifier(Microsoft.Extensions.Options.Options.Create(new ChipScreenServerOptions
        {
            ApiKeys = [new ApiKey { Name = "sap", Sha256 = LoopbackServer.Sha256("k1") }, new ApiKey { Name = "oracle", Sha256 = LoopbackServer.Sha256("k2").ToUpperInvariant() }],
        }));
        Assert.Equal(("sap", "oracle", null, null, null), (verifier.Verify("k1"), verifier.Verify("k2"), verifier.Verify("k3"), verifier.Verify(""), verifier.Verify(LoopbackServer.Sha256("k1"))));
    }
}
