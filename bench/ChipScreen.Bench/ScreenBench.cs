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
    /// <summary>The pairs of fresh processes run when no mode is given.</summary>
    private const int DefaultPairs = 5;

    public static int Run(string[] args)
    {
        var file = args[0];
        var rules = StringOption(args, "--rules") ?? "rules";
        var asOf = DateOnly.ParseExact(StringOption(args, "--as-of") ?? "2025-12-31", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var phase = StringOption(args, "--phase"); // "alone" or "full": only that one, in a process of its own
        if (phase is not (null or "alone" or "full"))
            return Refuse($"--phase is 'alone' or 'full', not '{phase}'");
        if (Count(args, "--runs") is not { } runs)
            return Refuse("--runs takes a whole number of 1 or more");
        if (StringOption(args, "--pairs") is not null)
            return Count(args, "--pairs") is { } pairCount ? Pairs(args, pairCount) : Refuse("--pairs takes a whole number of 1 or more");
        // Without a mode, five pairs of fresh processes: one process running both phases compiles the code for the second
        // in the first, which flatters the reports.
        if (phase is null && StringOption(args, "--runs") is null)
            return Pairs(args, DefaultPairs);
        var output = Path.Combine(Path.GetTempPath(), $"chipscreen-bench-{Environment.ProcessId}");
        var request = new RunRequest(file, rules, null, asOf, output) { Lists = ListOptions(args) };
        var screening = new FileScreening(TimeProvider.System);

        var clock = Stopwatch.StartNew();
        var pack = screening.LoadPack(request);
        var load = clock.Elapsed;
        Console.WriteLine(Invariant($"pack load:   {load.TotalMilliseconds:N0} ms ({pack.Manifest.Id}, {pack.RuleDefinitions.Count} rules, {pack.Parties.Lists.Entries.Count:N0} list entries with {pack.Parties.NameCount:N0} names)"));

        if (phase is not null)
        {
            // One phase in a fresh process, as `chipscreen screen` runs: nothing compiled or cached by a run before it.
            Emptied(output);
            if (phase == "alone")
            {
                var (alone, screened) = Measure(() => ScreenAlone(pack, file, asOf, output));
                Console.WriteLine(Alone("", screened, alone));
            }
            else
            {
                var (full, done) = Measure(() => screening.Run(request, pack));
                Console.WriteLine(Full("", done.Summary.Lines, full));
            }
            Console.WriteLine(PeakMemory());
            Directory.Delete(output, recursive: true);
            return 0;
        }

        // Each run screens the batch alone, then runs it in full right after, so that the share the reports cost compares
        // two phases of the same moment of the machine; with --runs N the medians say more than any one run.
        var pairs = new List<(double Alone, double Full)>();
        RunReport? report = null;
        for (var i = 1; i <= runs; i++)
        {
            // Each phase writes into an empty directory, as a fresh process does: replacing the last run's 1.8 GB of outputs
            // costs the file system about 0.3 s, which is neither screening nor report writing.
            // Screening alone: decide every line and write decisions.csv, as the library does for any caller.
            Emptied(output);
            var (alone, screened) = Measure(() => ScreenAlone(pack, file, asOf, output));
            // The full run of `chipscreen screen`: decisions.csv, audit.jsonl, report.json, report.html and the audit log.
            Emptied(output);
            var (full, done) = Measure(() => screening.Run(request, pack));
            report = done;
            var lines = report.Summary.Lines;
            pairs.Add((alone.Seconds, full.Seconds));
            var prefix = runs == 1 ? "" : Invariant($"run {i}/{runs} ");
            Console.WriteLine(Alone(prefix, screened, alone));
            Console.WriteLine(Full(prefix, lines, full));
            Console.WriteLine(Invariant($"{prefix}throughput:  {lines / full.Seconds:N0} lines/s; reports cost {100 * (1 - alone.Seconds / full.Seconds):N1}% of it"));
        }

        var total = report!.Summary.Lines;
        if (runs > 1)
        {
            var shares = pairs.Select(p => 1 - p.Alone / p.Full).ToArray();
            Console.WriteLine(Invariant($"median of {runs}: screening {total / Median(pairs.Select(p => p.Alone)):N0} lines/s (lowest {total / pairs.Max(p => p.Alone):N0}); full run {total / Median(pairs.Select(p => p.Full)):N0} lines/s (lowest {total / pairs.Max(p => p.Full):N0}); reports cost {100 * Median(shares):N1}% (from {100 * shares.Min():N1}% to {100 * shares.Max():N1}%; {shares.Count(s => s <= 1.0 / 3):N0} of {runs} runs at a third or less)"));
        }
        Console.WriteLine(PeakMemory());
        Console.WriteLine(Invariant($"volume-dependent lines: {report.Volumes.DependentLines:N0}; decisions: {string.Join(", ", report.Summary.ByDecision.Select(d => $"{d.Decision} {d.Count:N0}"))}"));
        Directory.Delete(output, recursive: true);
        return 0;
    }

    /// <summary>Runs screening alone and the full run each in a fresh process, alternately, <paramref name="count"/> times
    /// (the way a user runs <c>chipscreen screen</c>, and fair to both when the machine's speed drifts), then prints the
    /// medians and the spread of what the reports cost.</summary>
    private static int Pairs(string[] args, int count)
    {
        // The same options, one phase each, in a child process run as this one was (dotnet with the assembly, or the apphost).
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--pairs" || args[i] == "--runs" || args[i] == "--phase")
                i++;
            else
                rest.Add(args[i]);
        }
        var host = Environment.ProcessPath ?? "dotnet";
        var prefix = Path.GetFileNameWithoutExtension(host) == "dotnet" ? new[] { typeof(ScreenBench).Assembly.Location } : [];
        (double Seconds, long Lines, double PeakMb) Child(string phase)
        {
            var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in prefix.Concat(["screen", .. rest, "--phase", phase]))
                start.ArgumentList.Add(arg);
            using var child = Process.Start(start)!;
            var output = child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            var line = System.Text.RegularExpressions.Regex.Match(output, @"([0-9,]+) lines in ([0-9.]+) s =");
            var peak = System.Text.RegularExpressions.Regex.Match(output, @"peak memory: ([0-9,]+) MB");
            if (child.ExitCode != 0 || !line.Success || !peak.Success)
                throw new InvalidOperationException($"the {phase} phase failed (exit code {child.ExitCode}):\n{output}");
            return (double.Parse(line.Groups[2].Value, CultureInfo.InvariantCulture), long.Parse(line.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture),
                double.Parse(peak.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        }

        var pairs = new List<(double Alone, double Full)>();
        var peaks = new List<double>();
        long lines = 0;
        for (var i = 1; i <= count; i++)
        {
            var alone = Child("alone");
            var full = Child("full");
            lines = full.Lines;
            pairs.Add((alone.Seconds, full.Seconds));
            peaks.Add(Math.Max(alone.PeakMb, full.PeakMb));
            Console.WriteLine(Invariant($"pair {i}/{count}: screening {alone.Lines / alone.Seconds:N0} lines/s, full run {full.Lines / full.Seconds:N0} lines/s, reports cost {100 * (1 - alone.Seconds / full.Seconds):N1}%"));
        }
        var shares = pairs.Select(p => 1 - p.Alone / p.Full).ToArray();
        Console.WriteLine(Invariant($"{count} pairs of fresh processes: screening median {lines / Median(pairs.Select(p => p.Alone)):N0} lines/s (from {lines / pairs.Max(p => p.Alone):N0} to {lines / pairs.Min(p => p.Alone):N0}); full run median {lines / Median(pairs.Select(p => p.Full)):N0} lines/s (from {lines / pairs.Max(p => p.Full):N0} to {lines / pairs.Min(p => p.Full):N0})"));
        Console.WriteLine(Invariant($"reports cost: median {100 * Median(shares):N1}%, from {100 * shares.Min():N1}% to {100 * shares.Max():N1}%; {shares.Count(s => s <= 1.0 / 3):N0} of {count} pairs at a third or less; peak memory at most {peaks.Max():N0} MB"));
        return 0;
    }

    /// <summary>The value of a count option (1 when absent); null when it is not a whole number of 1 or more.</summary>
    private static int? Count(string[] args, string name) =>
        StringOption(args, name) is not { } text ? 1
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : null;

    private static int Refuse(string message)
    {
        Console.Error.WriteLine($"screen: {message}");
        return 2;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>What a phase cost: wall time, CPU time, the garbage collections and their pauses, and the time spent
    /// compiling code (on any thread; a fresh process compiles everything it runs).</summary>
    private readonly record struct Cost(double Seconds, double Cpu, int Collections, double Pause, double Jit);

    /// <summary>Runs <paramref name="work"/> and measures what it cost.</summary>
    private static (Cost Cost, T Result) Measure<T>(Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        var (pause, collections, jit) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), System.Runtime.JitInfo.GetCompilationTime());
        var result = work();
        return (new Cost(clock.Elapsed.TotalSeconds, (Environment.CpuUsage.TotalTime - cpu).TotalSeconds, GC.CollectionCount(0) - collections,
            (GC.GetTotalPauseDuration() - pause).TotalSeconds, (System.Runtime.JitInfo.GetCompilationTime() - jit).TotalSeconds), result);
    }

    private static string Alone(string prefix, long lines, Cost cost) => Phase(prefix + "screening:  ", lines, cost, "decisions.csv and report.json as before the audit reports");

    private static string Full(string prefix, long lines, Cost cost) => Phase(prefix + "full run:   ", lines, cost, "all reports");

    private static string Phase(string label, long lines, Cost cost, string outputs) =>
        Invariant($"{label} {lines:N0} lines in {cost.Seconds:N2} s = {lines / cost.Seconds:N0} lines/s ({outputs}; {cost.Cpu:N1} s of CPU, {cost.Collections} collections pausing {cost.Pause:N2} s, {cost.Jit:N2} s compiling)");

    private static string PeakMemory()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return Invariant($"peak memory: {self.PeakWorkingSet64 / (1024.0 * 1024):N0} MB (peak working set)");
    }

    /// <summary>Screens the batch as the first issue's <c>chipscreen screen</c> did, before the audit reports: decides every
    /// line into decisions.csv and writes that issue's report.json (run id, tool version, as-of date, the pack, the SHA-256
    /// of the input and of every rule file, counts by decision); returns the number of lines. A method of its own, so that
    /// its plan is garbage before the full run starts.</summary>
    /// <remarks>The input is hashed beside the first pass, as the full run does.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static long ScreenAlone(Rules.RulePack pack, string file, DateOnly asOf, string output)
    {
        var inputHash = Task.Run(() => Rules.PackFile.Sha256Of(file));
        var screener = new BatchScreener(pack);
        var source = new OrderCsvFile(file);
        var plan = screener.Plan(source, asOf, EmptyVolumeBaseline.Instance);
        var counts = new long[Enum.GetValues<Decision>().Length];
        long screened = 0;
        using (var stream = DirectFile.Create(Path.Combine(output, "decisions-only.csv")))
        using (var writer = new DecisionsCsvWriter(stream))
            foreach (var (record, decision) in screener.Decide(source, asOf, plan, d => (DecisionsCsvWriter.Format(d), d.Decision)))
            {
                writer.WriteFormatted(record);
                counts[(int)decision]++;
                screened++;
            }
        using (var stream = File.Create(Path.Combine(output, "report-only.json")))
        using (var json = new System.Text.Json.Utf8JsonWriter(stream, new() { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("run_id", Guid.NewGuid().ToString("N"));
            json.WriteString("tool_version", FileScreening.ToolVersion);
            json.WriteString("as_of", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("pack", pack.Manifest.Id);
            json.WriteString("pack_version", pack.Manifest.Version);
            json.WriteString("input_sha256", inputHash.GetAwaiter().GetResult());
            RunReportJson.Files(json, "rule_files", pack.Files);
            json.WriteStartObject("decisions");
            foreach (var d in Enum.GetValues<Decision>())
                json.WriteNumber(d.ToContractString(), counts[(int)d]);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return screened;
    }

    /// <summary>Makes <paramref name="output"/> an empty directory, outside the time measured: deleting a run's outputs is
    /// the file system's work (about 0.2 s for a gigabyte here), not screening's or the reports'.</summary>
    private static void Emptied(string output)
    {
        if (Directory.Exists(output))
            Directory.Delete(output, recursive: true);
        Directory.CreateDirectory(output);
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
