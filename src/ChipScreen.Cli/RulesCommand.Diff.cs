using System.CommandLine;

namespace ChipScreen.Cli;

internal static partial class RulesCommand
{
    private static Command Diff(TextWriter stdout)
    {
        _ = stdout;
        return new Command("diff", "Screen a batch under two packs and show the lines whose decision changes.");
    }
}
