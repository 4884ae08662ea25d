using System.CommandLine;
using System.Globalization;
using ChipScreen.Parties;
using ChipScreen.Rules;

namespace ChipScreen.Cli;

/// <summary><c>chipscreen parties compare PAIRS.csv</c> and <c>chipscreen parties search NAME [--country CC]</c>: the name
/// matcher on its own, with the pack's thresholds and lists.</summary>
internal static class PartiesCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("parties", "Restricted-party name matching: compare name pairs, or search the lists for a name.");
        command.Subcommands.Add(Compare(stdout));
        command.Subcommands.Add(Search(stdout));
        return command;
    }

    private static Command Compare(TextWriter stdout)
    {
        var pairs = new Argument<string>("pairs") { Description = "A CSV file with the columns name1 and name2 (other columns are ignored)." };
        var (rules, pack) = PackOptions();
        var command = new Command("compare", "Score name pairs: writes name1,name2,score,verdict (match, review or no-match) to stdout.") { pairs, rules, pack };
        command.SetAction(parse =>
        {
            var screening = LoadPack(parse.GetValue(rules)!, parse.GetValue(pack), []).Parties;
            NameComparisonsCsv.Write(stdout, screening, NamePairsFile.Read(parse.GetValue(pairs)!));
            return Cli.Ok;
        });
        return command;
    }

    private static Command Search(TextWriter stdout)
    {
        var name = new Argument<string>("name") { Description = "The name to search for." };
        var country = new Option<string?>("--country") { Description = "The party's country (ISO code or name): agreement with a listed country raises the score, a conflict lowers it." };
        var limit = new Option<int>("--limit")
        {
            Description = "How many candidates to show.",
            DefaultValueFactory = _ => 10,
            // Parsed here rather than checked by a validator: a validator asking for the value of "abc" throws.
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(" ", result.Tokens.Select(t => t.Value));
                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                    result.AddError($"--limit {text} is not a whole number: show at least 1 candidate");
                else if (n < 1)
                    result.AddError($"--limit {text}: show at least 1 candidate");
                return n;
            },
        };
        var lists = ScreenCommand.ListOption();
        var (rules, pack) = PackOptions();
        var command = new Command("search", "List the best candidates for a name in the pack's lists (and --list files), with scores and reasons.")
        {
            name, country, limit, lists, rules, pack,
        };
        command.SetAction(parse =>
        {
            if (string.IsNullOrWhiteSpace(parse.GetValue(name)))
                throw new UsageException("give a name to search for");
            var loaded = LoadPack(parse.GetValue(rules)!, parse.GetValue(pack), parse.GetValue(lists) ?? []);
            var code = "";
            if (parse.GetValue(country) is { Length: > 0 } text)
            {
                var place = loaded.Countries.Resolve(text, out var problem);
                if (problem is not null || !place.Known)
                    throw new UsageException($"--country '{text}': {problem ?? "not a country"}");
                code = place.Code;
            }
            var query = parse.GetValue(name)!;
            var found = loaded.Parties.Search(query, code, parse.GetValue(limit));
            var thresholds = loaded.Parties.Thresholds;
            stdout.WriteLine(Invariant($"'{query}'{(code.Length > 0 ? " in " + code : "")}: {found.Count} candidate{(found.Count == 1 ? "" : "s")} among {loaded.Parties.NameCount:N0} listed names (match >= {thresholds.Match}, review >= {thresholds.Review})"));
            foreach (var c in found)
            {
                stdout.WriteLine();
                stdout.WriteLine(Invariant($"{c.Score,3}  {c.Verdict,-8}  {c.Entry.List}  {c.Entry.Id}  {c.Entry.Name}"));
                if (!string.Equals(c.MatchedName, c.Entry.Name, StringComparison.Ordinal))
                    stdout.WriteLine($"     matched {c.MatchedAs}: {c.MatchedName}");
                var listing = string.Join("; ", new[] { c.Entry.FederalRegisterNotice, c.Entry.LicensePolicy.Length > 0 ? "policy: " + c.Entry.LicensePolicy : "" }.Where(s => s.Length > 0));
                if (listing.Length > 0)
                    stdout.WriteLine($"     {listing}");
                stdout.WriteLine($"     why: {c.Explanation}");
                stdout.WriteLine($"     {c.Entry.File} row {c.Entry.Row}; entry hash {c.EntryHash}");
            }
            return Cli.Ok;
        });
        return command;
    }

    private static (Option<string> Rules, Option<string?> Pack) PackOptions() =>
        (new Option<string>("--rules") { Description = "The rules directory.", DefaultValueFactory = _ => "rules" },
         new Option<string?>("--pack") { Description = "The rule pack whose thresholds and lists apply (default: the pack in force today)." });

    private static RulePack LoadPack(string rules, string? pack, IReadOnlyList<string> lists)
    {
        var loaded = RulePackLoader.Load(rules, pack, DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime));
        return lists.Count == 0 ? loaded : loaded.WithPartyLists(PartyListReader.Read(lists));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
