using System.Diagnostics;
using System.Text.Json;
using ChipScreen.Ledger;
using ChipScreen.Tests.Support;
using ChipScreen.Volumes;
using Xunit.Abstractions;
using static ChipScreen.Tests.Support.OrderCsv;

namespace ChipScreen.Tests.Ledger;

/// <summary>Separate <c>chipscreen screen --commit</c> processes against one ledger: racing, and killed mid-commit. Run once
/// per store (<see cref="SqliteLedgerProcessTests"/>, <see cref="PostgresLedgerProcessTests"/>), one class at a time.</summary>
public abstract class LedgerProcessContract : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);
    private readonly TempDir _dir = new();
    private readonly Lazy<LedgerTarget> _target;
    private readonly ITestOutputHelper _output;

    private protected LedgerProcessContract(ITestOutputHelper output)
    {
        _output = output;
        _target = new(NewTarget);
    }

    private protected abstract LedgerTarget NewTarget();

    private LedgerTarget Target => _target.Value;

    [LedgerFact]
    public async Task EightProcessesCommittingAtOnce_NeverExceedALimit_AndTheLedgerHoldsWhatTheyReport()
    {
        using (Target.Open(write: true)) { } // the schema exists before the race (creating it concurrently is tested by the store)
        var barrier = Directory.CreateDirectory(_dir.File("barrier")).FullName;
        var processes = new List<(CliProcess Process, string Out)>();
        for (var i = 0; i < 8; i++)
        {
            // Every batch has its own order lines, all on the same consignees and countries: two LPP consignees
            // (5,000,000 and 10,000,000 a line) and the Chilean allocation (60,000,000 a licensed line).
            var orders = _dir.Write($"b{i}.csv", Of(
                Row($"B{i}", "1", "2025-05-01", 500, consignee: "Race Co"),
                Row($"B{i}", "2", "2025-05-02", 500, consignee: "Race Co"),
                Row($"B{i}", "3", "2025-05-01", 1000, consignee: "Race Co Two"),
                Row($"B{i}", "4", "2025-05-02", 1000, consignee: "Race Co Two"),
                Row($"B{i}", "5", "2025-05-01", 6000, destination: "CL", consignee: $"Big {i} A"),
                Row($"B{i}", "6", "2025-05-02", 6000, destination: "CL", consignee: $"Big {i} B")));
            var output = _dir.File($"out{i}");
            processes.Add((CliProcess.Start(new Dictionary<string, string> { [CommitHooks.BarrierVariable] = barrier },
                "screen", orders, "--rules", Repo.Rules, "--as-of", "2025-12-31", "--out", output, "--ledger", Target.Location, "--commit"), output));
        }
        // All eight screen against the same (empty) ledger, then commit at once.
        var clock = Stopwatch.StartNew();
        while (Directory.GetFiles(barrier, "*.ready").Length < 8)
        {
            Assert.True(clock.Elapsed < Patience, "the processes did not all finish screening");
            Assert.DoesNotContain(processes, p => HasExited(p.Process));
            await Task.Delay(50);
        }
        File.WriteAllText(Path.Combine(barrier, "go"), "");
        foreach (var (process, _) in processes)
        {
            var (code, stdout, stderr) = await process.WaitAsync(Patience);
            Assert.True(code == 0, $"exit {code}: {stdout}\n{stderr}");
            process.Dispose();
        }

        // Every limit holds, at exactly what the greedy order allows: Race Co 5 x 5,000,000; Race Co Two 2 x 10,000,000;
        // CL 13 x 60,000,000; the Race lines past LPP are licensed and count against India's allocation.
        var totals = Totals();
        Assert.Equal(25_000_000m, totals[("consignee_year", "RACECO", "2025")]);
        Assert.Equal(20_000_000m, totals[("consignee_year", "RACECOTWO", "2025")]);
        Assert.Equal(780_000_000m, totals[("country_allocation", "CL", "2025-2027")]);
        Assert.Equal(195_000_000m, totals[("country_allocation", "IN", "2025-2027")]);

        // The ledger holds exactly what the eight runs' final outputs say they consumed.
        var reported = new Dictionary<(string, string, string), decimal>();
        var redecided = 0;
        foreach (var (_, output) in processes)
        {
            foreach (var line in File.ReadLines(Path.Combine(output, "audit.jsonl")))
            {
                using var record = JsonDocument.Parse(line);
                var facts = record.RootElement.GetProperty("facts");
                var volume = facts.GetProperty("volume");
                foreach (var account in volume.GetProperty("consumed").EnumerateArray())
                {
                    var key = account.GetString() == "consignee_year"
                        ? ("consignee_year", ChipScreen.Parties.PartyNames.Key(facts.GetProperty("consignee").GetString()!), facts.GetProperty("ship_date").GetString()![..4])
                        : ("country_allocation", record.RootElement.GetProperty("destination").GetString()!, volume.GetProperty("allocation_period").GetString()!);
                    reported[key] = reported.GetValueOrDefault(key) + volume.GetProperty("line").GetDecimal();
                }
            }
            using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json")));
            if (report.RootElement.GetProperty("ledger").GetProperty("redecided").GetBoolean())
                redecided++;
        }
        Assert.Equal(totals.Where(t => t.Value != 0).OrderBy(t => t.Key), reported.OrderBy(t => t.Key));
        // The first to commit found what it screened against; each later one found the shared accounts moved.
        Assert.Equal(7, redecided);
        _output.WriteLine($"{Target.Kind}: 8 processes screened and committed in {clock.Elapsed.TotalSeconds:N1} s; {redecided} re-decided under lock");
    }

    [LedgerFact]
    public async Task KillingAProcessMidCommit_LeavesTheLedgerExactlyAsItWas()
    {
        var first = _dir.Write("first.csv", Of(Row("SO-1", "1", "2025-03-01", 2000), Row("SO-1", "2", "2025-03-01", 3000, destination: "CL", consignee: "Andes Cloud")));
        using (var setup = CliProcess.Start(new Dictionary<string, string>(), "screen", first, "--rules", Repo.Rules, "--as-of", "2025-12-31", "--out", _dir.File("out1"), "--ledger", Target.Location, "--commit"))
            Assert.Equal(0, (await setup.WaitAsync(Patience)).Code);
        var entries = Entries();
        var totals = Totals();

        // The second batch changes a committed line, adds new ones and voids nothing: its commit pauses inside the
        // transaction, after every write, and is killed there.
        var second = _dir.Write("second.csv", Of(Row("SO-1", "1", "2025-03-01", 1000), Row("SO-2", "1", "2025-04-01", 690), Row("SO-3", "1", "2025-04-01", 3000, destination: "CL", consignee: "Other Cloud")));
        var pause = _dir.File("in-commit");
        var output = _dir.File("out2");
        using (var victim = CliProcess.Start(new Dictionary<string, string> { [CommitHooks.PauseFileVariable] = pause },
            "screen", second, "--rules", Repo.Rules, "--as-of", "2025-12-31", "--out", output, "--ledger", Target.Location, "--commit"))
        {
            var clock = Stopwatch.StartNew();
            while (!File.Exists(pause))
            {
                Assert.True(clock.Elapsed < Patience, "the commit never reached its pause");
                await Task.Delay(20);
            }
            victim.Kill();
            var (code, _, _) = await victim.WaitAsync(Patience);
            Assert.NotEqual(0, code);
        }

        Assert.Equal(entries, Entries());
        Assert.Equal(totals, Totals());
        Assert.False(File.Exists(Path.Combine(output, "decisions.csv")));
        Assert.False(File.Exists(Path.Combine(output, "report.json")));

        // The ledger is usable at once (no lock left behind), and the same batch commits.
        using var again = CliProcess.Start(new Dictionary<string, string>(), "screen", second, "--rules", Repo.Rules, "--as-of", "2025-12-31", "--out", output, "--ledger", Target.Location, "--commit");
        var (againCode, stdout, stderr) = await again.WaitAsync(Patience);
        Assert.True(againCode == 0, stdout + stderr);
        Assert.Equal(10_000_000m + 6_900_000m, Totals()[("consignee_year", "LAKECOMPUTELTD", "2025")]);
    }

    private static bool HasExited(CliProcess process)
    {
        try
        {
            return Process.GetProcessById(process.Id).HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private Dictionary<(string, string, string), decimal> Totals() => Target.Totals();

    private List<LedgerEntry> Entries() => Target.Entries(history: true);

    public void Dispose()
    {
        if (_target.IsValueCreated)
            _target.Value.Dispose();
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }
}
