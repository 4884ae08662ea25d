using System.CommandLine;
using ChipScreen.Rules;

namespace ChipScreen.Cli;

internal static partial class RulesCommand
{
    /// <summary>Exit code of <c>rules test</c> when a case fails or a rule has no test.</summary>
    public const int TestsFailed = 1;

    private static Command Test(TextWriter stdout)
    {
        var dir = RulesArgument();
        var pack = new Option<string?>("--pack") { Description = "Run the tests of this pack only." };
        var json = JsonOption();
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List passing cases too." };
        var command = new Command("test", "Run the test cases beside each pack (DIR/<pack>/tests/*.json): each screens an order line and compares decision, exception, ECCN, tier and rule ids; every rule needs a case. Exit 0 when all pass, 1 when a case fails, 2 when tests cannot run.")
        {
            dir, pack, json, verbose,
        };
        command.SetAction(parse =>
        {
            var run = PackTester.Run(parse.GetValue(dir)!, parse.GetValue(pack));
            stdout.Write(parse.GetValue(json) ? run.ToJson() : run.ToText(parse.GetValue(verbose)));
            return run.Errors > 0 ? Cli.Unusable : run.Failed > 0 ? TestsFailed : Cli.Ok;
        });
        return command;
    }
}
