using System.CommandLine;
using ChipScreen.Runs;

namespace ChipScreen.Cli;

/// <summary><c>chipscreen verify DIR [--input PATH] [--rules DIR] [--audit-log PATH] [--list FILE]... [--strict]</c>: exit 0 when the run in
/// DIR is intact and reproducible, 1 naming every file or line that differs (with <c>--strict</c>, also when a check could
/// not be made, such as re-screening a run whose input is gone).</summary>
internal static class VerifyCommand
{
    public const int Differs = 1;

    public static Command Create(TextWriter stdout)
    {
        var directory = new Argument<string>("dir") { Description = "The output directory of a screening run (with report.json)." };
        var rules = new Option<string?>("--rules") { Description = "The rules directory (default: the one the run recorded)." };
        var auditLog = new Option<string?>("--audit-log") { Description = "The audit log (default: the one the run recorded, relative to where it was made, or audit-log.jsonl in DIR)." };
        var input = new Option<string?>("--input") { Description = "The run's input file (default: the path the run recorded, relative to where it was made)." };
        var lists = new Option<string[]>("--list")
        {
            Description = "Where a --list file of the run is now, matched to the one it recorded by file name or by SHA-256 (default: the path the run recorded). Repeat for several.",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var strict = new Option<bool>("--strict") { Description = "Fail (exit 1) when a check cannot be made, e.g. the input is gone and the run cannot be re-screened." };
        var command = new Command("verify", "Check that a run's outputs, input and rule files are unchanged, that re-screening reproduces its decisions, and that the audit log is intact.")
        {
            directory, input, rules, auditLog, lists, strict,
        };
        command.SetAction(parse =>
        {
            // A path given here is the user's word for where the input or the rules are: one that is not there is a
            // mistake to name, not a check to skip (a recorded path that is gone is skipped, below).
            if (parse.GetValue(input) is { } inputPath && !RunVerifier.IsThere(inputPath))
                throw new UsageException($"--input {inputPath}: {(Directory.Exists(inputPath) ? "is a directory; give the run's input file" : "no such file")}");
            if (parse.GetValue(auditLog) is { } logPath && !RunVerifier.IsThere(logPath))
                throw new UsageException($"--audit-log {logPath}: {(Directory.Exists(logPath) ? "is a directory; give the audit log file" : "no such file")}");
            if (parse.GetValue(rules) is { } rulesPath && !Directory.Exists(rulesPath))
                throw new UsageException($"--rules {rulesPath}: {(File.Exists(rulesPath) ? "is a file; give the rules directory" : "no such directory")}");
            foreach (var listPath in parse.GetValue(lists) ?? [])
                if (!RunVerifier.IsThere(listPath))
                    throw new UsageException($"--list {listPath}: {(Directory.Exists(listPath) ? "is a directory; give the list file" : "no such file")}");
            using var interruption = new Interruption();
            var result = new RunVerifier(TimeProvider.System).Verify(parse.GetValue(directory)!, parse.GetValue(rules), parse.GetValue(auditLog), parse.GetValue(input),
                interruption.Token, parse.GetValue(lists));
            foreach (var check in result.Checks)
                stdout.WriteLine(check);
            var skipped = result.Skipped.Count();
            if (!result.Holds)
            {
                stdout.WriteLine($"NOT verified: {result.Failures.Count()} check(s) failed");
                return Differs;
            }
            if (result.Rescreened && skipped == 0)
            {
                stdout.WriteLine("verified: the run is intact and reproducible");
                return Cli.Ok;
            }
            var what = result.Rescreened ? "the run is reproducible" : "the files that are there are as recorded, but the run was not re-screened";
            var strictly = parse.GetValue(strict);
            stdout.WriteLine($"{(strictly ? "NOT verified" : "partly verified")}: {what}; {skipped} check(s) could not be made (see 'skipped' above)");
            return strictly ? Differs : Cli.Ok;
        });
        return command;
    }
}
