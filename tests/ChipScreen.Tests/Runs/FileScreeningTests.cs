using System.Text.Json;
using ChipScreen.Runs;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Runs;

public class FileScreeningTests
{
    private static readonly DateOnly AsOf = new(2025, 11, 30);

    private static (RunReport Report, string Out) Run(TempDir dir, string orders, string outName = "out", string? rules = null)
    {
        var screening = new FileScreening(TimeProvider.System);
        var request = new RunRequest(orders, rules ?? Repo.Rules, null, AsOf, dir.File(outName));
        return (screening.Run(request, screening.LoadPack(request)), dir.File(outName));
    }

    [Fact]
    public void SampleBatch_WritesDecisionsAndReport()
    {
        using var dir = new TempDir();
        var (report, output) = Run(dir, Path.Combine(Repo.Samples, "erp-export-2025-11.csv"));
        var lines = File.ReadAllLines(Path.Combine(output, "decisions.csv"));
        Assert.Equal("order_id,line,decision,exception,eccn,tier,destination,rule_ids,message", lines[0]);
        Assert.Equal(report.Summary.Lines + 1, lines.Length);
        Assert.Equal(58, report.Summary.Lines);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json")));
        var root = json.RootElement;
        Assert.Equal("ai-diffusion-2025", root.GetProperty("pack").GetProperty("id").GetString());
        Assert.Equal("1.0.0", root.GetProperty("pack").GetProperty("version").GetString());
        Assert.Equal("2025-11-30", root.GetProperty("as_of").GetString());
        Assert.Equal(64, root.GetProperty("input").GetProperty("sha256").GetString()!.Length);
        Assert.Contains(root.GetProperty("rule_files").EnumerateArray(), f => f.GetProperty("path").GetString() == "ai-diffusion-2025/workflows/decision-table.json");
        var counts = root.GetProperty("counts").GetProperty("by_decision");
        Assert.Equal(58, counts.EnumerateObject().Sum(p => p.Value.GetInt64()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("run_id").GetString()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("tool").GetProperty("version").GetString()));
    }

    [Fact]
    public void ReportJson_NamesEachConsigneeBesideItsKey_AsTheAccountsFirstLineGivesIt()
    {
        // An auditor reads "Lake Compute Ltd.", not only the key LAKECOMPUTELTD, which the two spellings share.
        using var dir = new TempDir();
        var orders = dir.Write("orders.csv", """
            order_id,line,ship_date,sku,quantity,destination_country,end_user
            SO-1,1,2025-07-01,H100-SXM5-80GB,10,Malaysia,LAKE COMPUTE LIMITED
            SO-2,1,2025-06-01,H100-SXM5-80GB,10,Malaysia,Lake Compute Ltd.
            SO-3,1,2025-06-01,H100-SXM5-80GB,10,India,Deccan Data Centres Pvt Ltd

            """);
        var (_, output) = Run(dir, orders);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json")));
        var volumes = json.RootElement.GetProperty("volumes");
        var consignees = volumes.GetProperty("consignee_year").EnumerateArray()
            .Select(t => (t.GetProperty("consignee").GetString(), t.GetProperty("name").GetString(), t.GetProperty("after").GetDecimal())).ToList();
        // The name of the first line in the file (row order, not ship-date order), and the key the volumes count by.
        Assert.Equal([("DECCANDATACENTRESPTELTD", "Deccan Data Centres Pvt Ltd", 158_320m), ("LAKECOMPUTELTD", "LAKE COMPUTE LIMITED", 316_640m)], consignees);
        Assert.All(volumes.GetProperty("country_allocation").EnumerateArray(), t => Assert.False(t.TryGetProperty("name", out _)));
        Assert.Equal(2, volumes.GetProperty("country_allocation").GetArrayLength());
    }

    [Fact]
    public void SameBatchPackAndDate_GiveByteIdenticalDecisions()
    {
        using var dir = new TempDir();
        var orders = Path.Combine(Repo.Samples, "distributor-q3-2025.csv");
        var (_, first) = Run(dir, orders, "one");
        var (_, second) = Run(dir, orders, "two");
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "decisions.csv")), File.ReadAllBytes(Path.Combine(second, "decisions.csv")));
    }

    [Fact]
    public void EverySampleBatch_ExercisesEveryDecision()
    {
        foreach (var sample in Directory.GetFiles(Repo.Samples, "*.csv"))
        {
            using var dir = new TempDir();
            var (report, _) = Run(dir, sample);
            Assert.True(report.Summary.Lines >= 50, $"{sample} has {report.Summary.Lines} lines");
            Assert.All(report.Summary.ByDecision, d => Assert.True(d.Count > 0, $"{Path.GetFileName(sample)} has no {d.Decision} line"));
        }
    }

    [Fact]
    public void LargeBatch_KeepsEveryLineInOrder()
    {
        using var dir = new TempDir();
        var csv = new System.Text.StringBuilder("order_id,line,ship_date,sku,quantity,destination_country,end_user\n");
        for (var i = 0; i < 30_000; i++)
            csv.Append($"SO-{i},1,2025-{i % 12 + 1:D2}-01,HGX-H100-8GPU,{i % 5 + 1},{(i % 3 == 0 ? "IN" : i % 3 == 1 ? "DE" : "Atlantis")},Buyer {i % 50}\n");
        var orders = dir.Write("big.csv", csv.ToString());
        var (report, output) = Run(dir, orders);
        var lines = File.ReadAllLines(Path.Combine(output, "decisions.csv"));
        Assert.Equal(30_001, lines.Length);
        Assert.Equal(Enumerable.Range(0, 30_000).Select(i => $"SO-{i}"), lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.True(report.Volumes.DependentLines > 0);
    }

    [Fact]
    public void BrokenRules_LeaveNoOutput()
    {
        using var rules = TempDir.WithRules();
        rules.Edit("ai-diffusion-2025/workflows/decision-table.json", "\"RuleName\": \"A4\",", "\"RuleName\": \"A4\"");
        var output = rules.File("out");
        var screening = new FileScreening(TimeProvider.System);
        var request = new RunRequest(Path.Combine(Repo.Samples, "distributor-q3-2025.csv"), rules.Rules, null, AsOf, output);
        Assert.Throws<ChipScreen.Rules.RulePackException>(() => screening.Run(request, screening.LoadPack(request)));
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void ARunStoppedHalfway_RemovesItsTemporaryFiles_AndLogsNothing()
    {
        // 30,000 lines, stopped once the first 10,000 are decided (what Ctrl+C does to `chipscreen screen`).
        using var dir = new TempDir();
        var sample = File.ReadAllLines(Path.Combine(Repo.Samples, "distributor-q3-2025.csv"));
        var orders = dir.Write("orders.csv", string.Join("\n", [sample[0], .. Enumerable.Repeat(sample[1..], 30_000 / (sample.Length - 1) + 1).SelectMany(l => l).Take(30_000)]) + "\n");
        var screening = new FileScreening(TimeProvider.System);
        var request = new RunRequest(orders, Repo.Rules, null, AsOf, dir.File("out"));
        using var stop = new CancellationTokenSource();
        var decided = new List<long>();
        var progress = new Progress(n => { decided.Add(n); if (n >= 10_000) stop.Cancel(); });
        Assert.ThrowsAny<OperationCanceledException>(() => screening.Run(request, screening.LoadPack(request), progress: progress, cancellationToken: stop.Token));
        Assert.Contains(decided, n => n >= 10_000);
        Assert.DoesNotContain(decided, n => n == 30_000);
        Assert.Empty(Directory.GetFiles(dir.File("out"))); // no .partial file, no output, no audit log
    }

    /// <summary>Reports progress on the caller's thread (<see cref="Progress{T}"/> posts to the thread pool).</summary>
    private sealed class Progress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    [Fact]
    public void InputThatFailsHalfway_LeavesNoPartialOutput()
    {
        using var dir = new TempDir();
        var orders = dir.Write("bad.csv", "order_id,sku,quantity,destination_country,end_user\nSO-1,H100-SXM5-80GB,1,DE,Acme\nSO-2,H100-SXM5-80GB,1,DE,\"Acme\n");
        Assert.Throws<ChipScreen.Orders.OrderFileException>(() => Run(dir, orders));
        Assert.Empty(Directory.GetFiles(dir.File("out")));
    }

    /// <summary>Calls <paramref name="between"/> once, when the volumes are settled: after the first pass over the input read
    /// it whole, before the second starts.</summary>
    private sealed class BetweenPasses(Action between) : ChipScreen.Volumes.IVolumeBaseline
    {
        public decimal ConsigneeYear(string consigneeKey, int year) => 0;

        public decimal CountryAllocation(string country, string period) => 0;

        public void Prefetch(IReadOnlyCollection<(string ConsigneeKey, int Year)> consigneeYears, IReadOnlyCollection<(string Country, string Period)> countryPeriods) =>
            between();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnInputThatChangesBetweenPasses_StopsTheRun_AndLeavesTheOutputsOfTheRunBefore(bool renamedOver)
    {
        // The first pass plans the volumes of one file, the second decided the lines of another, and report.json recorded
        // the hash of the first. The India line is volume-dependent (LPP), so the plan asks the baseline between the passes.
        using var dir = new TempDir();
        const string header = "order_id,sku,quantity,destination_country,end_user\n";
        var orders = dir.Write("orders.csv", header + "SO1,H100-SXM5-80GB,8,IN,Bharat Cloud Pvt Ltd\nSO2,H100-SXM5-80GB,8,DE,Acme GmbH\n");
        var screening = new FileScreening(TimeProvider.System);
        var request = new RunRequest(orders, Repo.Rules, null, AsOf, dir.File("out"));
        var pack = screening.LoadPack(request);
        var first = screening.Run(request, pack, new BetweenPasses(() => { }));
        Assert.Equal(ChipScreen.Rules.PackFile.Sha256Of(orders), first.InputSha256);
        var outputs = Directory.GetFiles(dir.File("out")).Order().ToDictionary(f => f, File.ReadAllBytes);

        var changed = header + "SO1,H100-SXM5-80GB,8,IN,Bharat Cloud Pvt Ltd\nSO2,H100-SXM5-80GB,512,CN,Evil Corp\n";
        var e = Assert.Throws<ChipScreen.Orders.OrderFileException>(() => screening.Run(request, pack, new BetweenPasses(() =>
        {
            if (!renamedOver)
            {
                File.WriteAllText(orders, changed);
                return;
            }
            File.WriteAllText(dir.File("next.csv"), changed);
            File.Move(dir.File("next.csv"), orders, overwrite: true);
        })));

        Assert.StartsWith($"{orders}: the input changed while it was screened (its first pass read 130 bytes with SHA-256 {first.InputSha256[..12]}..., a later one 132 bytes",
            e.Message, StringComparison.Ordinal);
        Assert.Equal(outputs.Keys, Directory.GetFiles(dir.File("out")).Order()); // no partial file left, none added
        Assert.All(outputs, o => Assert.Equal(o.Value, File.ReadAllBytes(o.Key))); // the run before's outputs and log, untouched
    }
}
