using System.Diagnostics;
using System.Globalization;
using ChipScreen.Parties;
using ChipScreen.Rules;

namespace ChipScreen.Bench;

/// <summary>Matches distinct company names against the pack's lists and the <c>--list</c> files, as screening does for the
/// distinct end users of a batch, and prints names/s: first on a fresh screening right after start-up (JIT compilation
/// included), then on another fresh screening with other names (warm).</summary>
internal static class NamesBench
{
    public static int Run(string[] args)
    {
        var count = Generator.Option(args, "--names", 20_000);
        var seed = Generator.Option(args, "--seed", 42);
        var rules = ScreenBench.StringOption(args, "--rules") ?? "rules";
        var clock = Stopwatch.StartNew();
        var pack = RulePackLoader.Load(rules, null, new DateOnly(2025, 12, 31));
        var lists = ScreenBench.ListOptions(args);
        if (lists.Count > 0)
            pack = pack.WithPartyLists(PartyListReader.Read(lists));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lists:   {pack.Parties.Lists.Entries.Count:N0} entries, {pack.Parties.NameCount:N0} names (aliases included), read and indexed in {clock.Elapsed.TotalMilliseconds:N0} ms"));

        foreach (var (label, names) in new[] { ("cold", CompanyNames.Generate(count, seed)), ("warm", CompanyNames.Generate(count, seed + 1)) })
        {
            var screening = new PartyScreening(pack.Parties.Lists, pack.Parties.Thresholds);
            long matches = 0, reviews = 0;
            clock.Restart();
            Parallel.ForEach(names, name =>
            {
                foreach (var c in screening.Screen(name, "CN"))
                    Interlocked.Increment(ref c.Verdict == Verdicts.Match ? ref matches : ref reviews);
            });
            var seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}:    {names.Length:N0} distinct names in {seconds * 1000:N0} ms = {names.Length / seconds:N0} names/s on {Environment.ProcessorCount} threads ({matches:N0} matches, {reviews:N0} potential matches)"));
            foreach (var name in names.Where(n => screening.Screen(n, "CN").Count > 0).Take(Generator.Option(args, "--show", 0)))
                foreach (var c in screening.Screen(name, "CN"))
                    Console.WriteLine($"  {c.Score,3} {c.Verdict,-8} {name}  ~  {c.MatchedName} ({c.Entry.List} {c.Entry.Id})");
        }
        return 0;
    }
}
