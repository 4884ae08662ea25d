using System.Diagnostics;
using System.Globalization;
using ChipScreen.Runs;

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
        clock.Restart();
        var report = screening.Run(request, pack);
        var run = clock.Elapsed;

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var lines = report.Summary.Lines;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pack load:   {load.TotalMilliseconds:N0} ms ({report.Pack.Id}, {pack.RuleDefinitions.Count} rules, {pack.Parties.Lists.Entries.Count:N0} list entries with {pack.Parties.NameCount:N0} names)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"screened:    {lines:N0} lines in {run.TotalSeconds:N2} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"throughput:  {lines / run.TotalSeconds:N0} lines/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak memory: {self.PeakWorkingSet64 / (1024.0 * 1024):N0} MB (peak working set)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"volume-dependent lines: {report.Volumes.DependentLines:N0}; decisions: {string.Join(", ", report.Summary.ByDecision.Select(d => $"{d.Decision} {d.Count:N0}"))}"));
        Directory.Delete(output, recursive: true);
        return 0;
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
