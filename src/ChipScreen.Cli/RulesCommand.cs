using System.CommandLine;
using ChipScreen.Rules;

namespace ChipScreen.Cli;

/// <summary><c>chipscreen rules validate|test|diff</c>: check, test and compare rule packs.</summary>
internal static partial class RulesCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("rules", "Check rule packs (validate), run their tests (test), and compare two packs on a batch (diff).");
        command.Subcommands.Add(Validate(stdout));
        command.Subcommands.Add(Test(stdout));
        command.Subcommands.Add(Diff(stdout));
        return command;
    }

    private static Argument<string> RulesArgument() =>
        new("dir") { Description = "The rules directory (default: rules).", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "rules" };

    private static Option<bool> JsonOption() => new("--json") { Description = "Write the report as JSON (for CI) instead of text." };

    private static Command Validate(TextWriter stdout)
    {
        var dir = RulesArgument();
        var json = JsonOption();
        var command = new Command("validate", "Check every pack in DIR: schemas, JSON syntax, expressions, forbidden members, unknown names, duplicate ids, country codes, tiers, thresholds, decisions and exceptions. Exit 0 when valid, 2 with errors.")
        {
            dir, json,
        };
        command.SetAction(parse =>
        {
            var result = RulesValidator.Validate(parse.GetValue(dir)!);
            stdout.Write(parse.GetValue(json) ? result.ToJson() : result.ToText());
            return result.Valid ? Cli.Ok : Cli.Unusable;
        });
        return command;
    }
}
