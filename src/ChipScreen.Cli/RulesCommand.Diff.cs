using System.CommandLine;
using ChipScreen.Orders;
using ChipScreen.Rules;

namespace ChipScreen.Cli;

internal static partial class RulesCommand
{
    private static Command Diff(TextWriter stdout)
    {
        var orders = new Argument<string>("orders") { Description = "The order lines (CSV), as for chipscreen screen." };
        var from = new Option<string>("--from") { Description = "The pack the lines are screened under now.", Required = true };
        var to = new Option<string>("--to") { Description = "The pack to compare with.", Required = true };
        var rules = new Option<string>("--rules") { Description = "The rules directory.", DefaultValueFactory = _ => "rules" };
        var asOf = new Option<string?>("--as-of") { Description = "The as-of date, YYYY-MM-DD (default: today). Lines without a ship date ship on it." };
        var json = JsonOption();
        var ignoreColumns = ScreenCommand.IgnoreColumnOption();
        var command = new Command("diff", "Screen a batch under two packs and show the lines whose decision changes, with both sets of reasons, and counts by change.")
        {
            orders, from, to, rules, asOf, json, ignoreColumns,
        };
        command.SetAction(parse =>
        {
            var date = ScreenCommand.ParseDate(parse.GetValue(asOf)) ?? DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
            var directory = parse.GetValue(rules)!;
            var path = parse.GetValue(orders)!;
            OrderCsvReader.CheckExists(path); // as screen says it

            var result = PackDiff.Compare(
                RulePackLoader.Load(directory, parse.GetValue(from)!, date),
                RulePackLoader.Load(directory, parse.GetValue(to)!, date),
                new OrderCsvFile(path, parse.GetValue(ignoreColumns) ?? []), date);
            stdout.Write(parse.GetValue(json) ? result.ToJson() : result.ToText());
            return Cli.Ok;
        });
        return command;
    }
}
