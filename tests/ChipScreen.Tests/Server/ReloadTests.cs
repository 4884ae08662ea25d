using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ChipScreen.Rules;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Server;

/// <summary>Rule files edited while the server answers: every answer comes whole from one pack, and a broken edit leaves
/// the last good pack serving.</summary>
public class ReloadTests
{
    private const string TermsFile = "ai-diffusion-2025/end-use-terms.json";

    [Fact]
    public async Task EditingARuleFile_WhileServing_SwapsPacksWhole_AndABrokenEditKeepsTheLastGoodPack()
    {
        using var rules = TempDir.WithRules();
        await using var server = await LoopbackServer.StartAsync(rules.Rules, new Dictionary<string, string?>
        {
            ["ChipScreen:ReloadOnChange"] = "true",
            ["ChipScreen:ReloadDebounce"] = "00:00:00.200",
            ["ChipScreenServer:MaxConcurrentBatches"] = "4",
        });
        using var admin = server.Client();
        var before = await ServingAsync(admin);
        Assert.Equal(RulePackLoader.Load(rules.Rules, "ai-diffusion-2025", Screen.AsOf).Revision, before);

        // The edit makes "inference" a red flag: an H100 to Germany for "inference" goes from AIA to HOLD (F2).
        var expected = new ConcurrentDictionary<string, string>(StringComparer.Ordinal) { [before] = "LICENSE_EXCEPTION" };
        var outcomes = new ConcurrentQueue<string>();
        var failures = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();

        async Task Singles(int id)
        {
            using var client = server.Client();
            var order = LoopbackServer.Order(endUse: "inference cluster", order: $"S{id}").ToJsonString();
            while (!stop.IsCancellationRequested && clock.Elapsed < TimeSpan.FromSeconds(90))
            {
                using var response = await client.PostAsync("/v1/screen", LoopbackServer.Json(order));
                var body = await LoopbackServer.ReadJsonAsync(response);
                Record(response.StatusCode, [body]);
            }
        }

        async Task Batches()
        {
            using var client = server.Client();
            var batch = new JsonArray([.. Enumerable.Range(0, 50).Select(i => (JsonNode)LoopbackServer.Order(endUse: "inference cluster", order: $"B{i}"))]).ToJsonString();
            while (!stop.IsCancellationRequested && clock.Elapsed < TimeSpan.FromSeconds(90))
            {
                using var response = await client.PostAsync("/v1/screen/batch", LoopbackServer.Json(batch));
                var body = await LoopbackServer.ReadJsonAsync(response);
                Record(response.StatusCode, body is JsonArray lines ? [.. lines.Select(l => l!)] : [body]);
            }
        }

        void Record(HttpStatusCode status, IReadOnlyList<JsonNode> lines)
        {
            if (status != HttpStatusCode.OK)
            {
                failures.Enqueue($"HTTP {(int)status}: {lines[0].ToJsonString()}");
                return;
            }
            var revisions = lines.Select(l => (string?)l["pack"]?["revision"]).Distinct().ToList();
            if (revisions.Count != 1 || revisions[0] is not { } revision)
            {
                failures.Enqueue($"one answer mixes packs: {string.Join(", ", revisions)}");
                return;
            }
            foreach (var line in lines)
            {
                var decision = (string?)line["decision"];
                if (!expected.TryGetValue(revision, out var want) || want != decision)
                    failures.Enqueue($"revision {revision[..12]} answered {decision}, expected {(want ?? "a known revision")}");
            }
            outcomes.Enqueue(revision);
        }

        var load = new[] { Singles(1), Singles(2), Singles(3), Batches() };
        await Task.Delay(300);

        // A good edit: the new pack serves once validated.
        var edited = File.ReadAllText(Path.Combine(rules.Rules, TermsFile)).Replace("\"nuclear\"]", "\"nuclear\", \"inference\"]");
        var after = Revision(TermsFile, edited);
        expected[after] = "HOLD";
        await File.WriteAllTextAsync(Path.Combine(rules.Rules, TermsFile), edited);
        await WaitForAsync(async () => await ServingAsync(admin) == after, "the edited pack to serve");
        // The load, not a fixed pause, shows the new pack answering (a busy machine may take longer than any pause).
        await WaitForAsync(() => Task.FromResult(outcomes.Contains(after)), "an answer under the edited pack");

        // A broken edit: rejected; the last good pack keeps serving and /v1/packs says so.
        var brokenAt = DateTimeOffset.UtcNow;
        await File.WriteAllTextAsync(Path.Combine(rules.Rules, TermsFile), edited.Replace("\"lists\"", "\"lists\" ["));
        JsonNode packs = null!;
        await WaitForAsync(async () =>
        {
            packs = await LoopbackServer.ReadJsonAsync(await admin.GetAsync("/v1/packs"));
            return (string?)packs["last_reload"]?["outcome"] == "rejected" && (DateTimeOffset)packs["last_reload"]!["at"]! >= brokenAt.AddSeconds(-1);
        }, "the broken edit to be rejected");
        var answered = outcomes.Count;
        await WaitForAsync(() => Task.FromResult(outcomes.Count > answered + 4), "answers after the broken edit");
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.Empty(failures);
        Assert.Equal(after, (string?)packs["serving"]!["revision"]);
        Assert.Equal(after, (string?)packs["last_reload"]!["serving_revision"]);
        var error = packs["last_reload"]!["errors"]![0]!;
        Assert.Equal(TermsFile, (string?)error["file"]);
        Assert.Equal("json_syntax", (string?)error["code"]);
        Assert.Equal("degraded", (string?)(await LoopbackServer.ReadJsonAsync(await admin.GetAsync("/healthz")))["status"]);
        Assert.Contains(server.Logs.Lines, l => l.StartsWith("Error: Rejected the edited rules", StringComparison.Ordinal) && l.Contains(TermsFile, StringComparison.Ordinal));

        // Requests were answered under both packs, and after the broken edit still by the good one.
        var seen = outcomes.ToArray();
        Assert.Contains(before, seen);
        Assert.Contains(after, seen);
        Assert.Equal(after, seen[^1]);
        using var client = server.Client();
        var last = await LoopbackServer.ReadJsonAsync(await client.PostAsync("/v1/screen", LoopbackServer.Json(LoopbackServer.Order(endUse: "inference").ToJsonString())));
        Assert.Equal("HOLD", (string?)last["decision"]);
        Assert.Equal(after, (string?)last["pack"]!["revision"]);
    }

    /// <summary>The revision the pack will have once <paramref name="file"/> holds <paramref name="text"/> (loaded from a scratch copy).</summary>
    private static string Revision(string file, string text)
    {
        using var scratch = TempDir.WithRules();
        File.WriteAllText(Path.Combine(scratch.Rules, file), text);
        // The revision hashes paths relative to the rules directory, so a copy elsewhere gives the same one.
        return RulePackLoader.Load(scratch.Rules, "ai-diffusion-2025", Screen.AsOf).Revision;
    }

    private static async Task<string> ServingAsync(HttpClient client) =>
        (string?)(await LoopbackServer.ReadJsonAsync(await client.GetAsync("/v1/packs")))["serving"]!["revision"] ?? "";

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
                throw new TimeoutException($"waited 30 s for {what}");
            await Task.Delay(50);
        }
    }
}
