using System.Diagnostics;
using System.Globalization;
using ChipScreen.Orders;
using ChipScreen.Reports;
using ChipScreen.Runs;
using ChipScreen.Screening;
using ChipScreen.Volumes;

namespace ChipScreen.Bench;

/// <summary>Screens a file end to end exactly as <c>chipscreen screen</c> does (read, decide, write both outputs) and
/// prints lines/s and the process's peak memory.</summary>
internal static class ScreenBench
{
    public static int Run(string[] args)
    {
        var file = args[0];
        var rules = StringOption(args, "--rules") ?? "rules";
        var asOf = DateOnly.ParseExact(StringOption(args, "--as-of") ?? "2025-12-31", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var output = Path.Combine(Path.GetTempPath(), $"chipscreen-bench-{Environment.ProcessId}");
        var request = new RunRequest(file, rules, null, asOf, output) { Lists = ListOptions(args) };
        var screening = new FileScreening(TimeProvider.System);

        var clock = Stopwatch.StartNew();
        var pack = screening.LoadPack(request);
        var load = clock.Elapsed;

        // Screening alone: decide every line and write decisions.csv, as the library does for any caller.
        clock.Restart();
        var cpu = Environment.CpuUsage.TotalTime;
        var (pause, collections) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0));
        var screened = ScreenAlone(pack, file, asOf, output);
        var alone = clock.Elapsed;
        var aloneCpu = Environment.CpuUsage.TotalTime - cpu;
        var aloneGc = (GC.GetTotalPauseDuration() - pause, GC.CollectionCount(0) - collections);
        cpu = Environment.CpuUsage.TotalTime;
        (pause, collections) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0));

        // The full run of `chipscreen screen`: decisions.csv, audit.jsonl, report.json, report.html and the audit log.
        clock.Restart();
        var report = screening.Run(request, pack);
        var run = clock.Elapsed;
        var runCpu = Environment.CpuUsage.TotalTime - cpu;
        var runGc = (GC.GetTotalPauseDuration() - pause, GC.CollectionCount(0) - collections);

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var lines = report.Summary.Lines;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pack load:   {load.TotalMilliseconds:N0} ms ({report.Pack.Id}, {pack.RuleDefinitions.Count} rules, {pack.Parties.Lists.Entries.Count:N0} list entries with {pack.Parties.NameCount:N0} names)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"screening:   {screened:N0} lines in {alone.TotalSeconds:N2} s = {screened / alone.TotalSeconds:N0} lines/s (decisions.csv only; {aloneCpu.TotalSeconds:N1} s of CPU, {aloneGc.Item2} collections pausing {aloneGc.Item1.TotalSeconds:N2} s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"full run:    {lines:N0} lines in {run.TotalSeconds:N2} s = {lines / run.TotalSeconds:N0} lines/s (all reports; {runCpu.TotalSeconds:N1} s of CPU, {runGc.Item2} collections pausing {runGc.Item1.TotalSeconds:N2} s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"throughput:  {lines / run.TotalSeconds:N0} lines/s; reports cost {1 - alone.TotalSeconds / run.TotalSeconds:P0} of it"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak memory: {self.PeakWorkingSet64 / (1024.0 * 1024):N0} MB (peak working set)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"volume-dependent lines: {report.Volumes.DependentLines:N0}; decisions: {string.Join(", ", report.Summary.ByDecision.Select(d => $"{d.Decision} {d.Count:N0}"))}"));
        Directory.Delete(output, recursive: true);
        return 0;
    }

    /// <summary>Decides every line into decisions.csv only; returns the number of lines. A method of its own, so that its
    /// plan is garbage before the full run starts.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static long ScreenAlone(Rules.RulePack pack, string file, DateOnly asOf, string output)
    {
        var screener = new BatchScreener(pack);
        var source = new OrderCsvFile(file);
        var plan = screener.Plan(source, asOf, EmptyVolumeBaseline.Instance);
        Directory.CreateDirectory(output);
        long screened = 0;
        using (var stream = DirectFile.Create(Path.Combine(output, "decisions-only.csv")))
        using (var writer = new DecisionsCsvWriter(stream))
            foreach (var record in screener.Decide(source, asOf, plan, DecisionsCsvWriter.Format))
            {
                writer.WriteFormatted(record);
                screened++;
            }
        File.Delete(Path.Combine(output, "decisions-only.csv"));
        return screened;
    }

    /// <summary>Every value of a repeatable option (<c>--list a --list b</c>).</summary>
    internal static IReadOnlyList<string> ListOptions(string[] args) =>
        [.. args.Select((a, i) => (a, i)).Where(x => x.a == "--list" && x.i + 1 < args.Length).Select(x => args[x.i + 1])];

    internal static string? StringOption(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
