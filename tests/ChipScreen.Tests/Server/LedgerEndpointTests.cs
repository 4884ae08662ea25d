using System.Net;
using ChipScreen.Ledger;
using ChipScreen.Runs;
using ChipScreen.Tests.Support;
using static ChipScreen.Tests.Support.OrderCsv;

namespace ChipScreen.Tests.Server;

/// <summary>A server given <c>ChipScreen:Ledger</c> counts volumes after what the ledger holds, and answers 503 rather than
/// decide when it cannot read it.</summary>
public class LedgerEndpointTests
{
    private const string Order = """
        {"order_id":"SO-2","line":"1","ship_date":"2025-06-01","tpp":10000,"die_area_mm2":1000,"datacenter":true,
         "quantity":1000,"destination_country":"IN","end_user":"Lake Compute Ltd"}
        """;

    [Fact]
    public async Task AnOrder_CountsAfterTheCommittedVolumes_AndAnUnreadableLedgerIs503()
    {
        using var dir = new TempDir();
        var ledger = dir.File("ledger.db");
        var orders = dir.Write("batch.csv", Of(Row("SO-1", "1", "2025-03-01", 2000))); // 20,000,000 for Lake Compute
        var request = new RunRequest(orders, Repo.Rules, null, new DateOnly(2025, 12, 31), dir.File("out"), null, new LedgerOptions(ledger), Commit: true);
        new FileScreening(TimeProvider.System).Run(request, Screen.Pack);

        // 10,000,000 more: LPP on its own, past the consignee limit after the ledger.
        Assert.Equal(("LICENSE_EXCEPTION", "LPP"), await DecideAsync(new Dictionary<string, string?>()));
        Assert.Equal(("LICENSE_REQUIRED", ""), await DecideAsync(new Dictionary<string, string?> { ["ChipScreen:Ledger"] = ledger }));

        await using var server = await LoopbackServer.StartAsync(settings: new Dictionary<string, string?> { ["ChipScreen:Ledger"] = dir.File("missing.db") });
        using var client = server.Client();
        using var response = await client.PostAsync("/v1/screen", LoopbackServer.Json(Order));
        var body = await LoopbackServer.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(LoopbackServer.IsProblem(response));
        Assert.Equal("ledger_unavailable", (string?)body["code"]);
        Assert.DoesNotContain("   at ", body.ToJsonString(), StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("missing.db")));
    }

    private static async Task<(string Decision, string Exception)> DecideAsync(Dictionary<string, string?> settings)
    {
        await using var server = await LoopbackServer.StartAsync(settings: settings);
        using var client = server.Client();
        using var response = await client.PostAsync("/v1/screen", LoopbackServer.Json(Order));
        var body = await LoopbackServer.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ((string?)body["decision"] ?? "", (string?)body["exception"] ?? "");
    }
}
