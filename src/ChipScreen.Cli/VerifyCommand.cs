using System.CommandLine;
using ChipScreen.Runs;

namespace ChipScreen.Cli;

/// <summary><c>chipscreen verify DIR [--rules DIR] [--audit-log PATH]</c>: exit 0 when the run in DIR is intact and
/// reproducible, 1 naming every file or line that differs.</summary>
internal static class VerifyCommand
{
    public const int Differs = 1;

    public static Command Create(TextWriter stdout)
    {
        var directory = new Argument<string>("dir") { Description = "The output directory of a screening run (with report.json)." };
        var rules = new Option<string?>("--rules") { Description = "The rules directory (default: the one the run recorded)." };
        var auditLog = new Option<string?>("--audit-log") { Description = "The audit log (default: audit-log.jsonl in DIR)." };
        var command = new Command("verify", "Check that a run's outputs, input and rule files are unchanged, that re-screening reproduces its decisions, and that the audit log is intact.")
        {
            directory, rules, auditLog,
        };
        command.SetAction(parse =>
        {
            var result = new RunVerifier(TimeProvider.System).Verify(parse.GetValue(directory)!, parse.GetValue(rules), parse.GetValue(auditLog));
            foreach (var check in result.Checks)
                stdout.WriteLine(check);
            stdout.WriteLine(result.Holds ? "verified: the run is intact and reproducible" : $"NOT verified: {result.Failures.Count()} check(s) failed");
            return result.Holds ? Cli.Ok : Differs;
        });
        return command;
    }
}
