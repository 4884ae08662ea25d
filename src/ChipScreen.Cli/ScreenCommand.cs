using System.CommandLine;
using System.Globalization;
using ChipScreen.Runs;
using ChipScreen.Screening;
using ChipScreen.Service;
using Microsoft.Extensions.DependencyInjection;

namespace ChipScreen.Cli;

/// <summary><c>chipscreen screen ORDERS.csv [--rules DIR] [--pack ID] [--as-of YYYY-MM-DD] [--out DIR] [--list FILE]... [--ledger L [--commit]] [--ignore-column NAME]...</c>.</summary>
internal static class ScreenCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var orders = new Argument<string>("orders") { Description = "The orders CSV file (header row; columns and aliases in the README)." };
        var rules = new Option<string>("--rules") { Description = "The rules directory.", DefaultValueFactory = _ => "rules" };
        var pack = new Option<string?>("--pack") { Description = "The rule pack id (default: the pack in force on the as-of date)." };
        var asOf = new Option<string?>("--as-of") { Description = "The as-of date, YYYY-MM-DD (default: today). Lines without a ship date ship on it." };
        var output = new Option<string>("--out") { Description = "The output directory for decisions.csv, audit.jsonl, report.json and report.html.", DefaultValueFactory = _ => "out" };
        var auditLog = new Option<string?>("--audit-log") { Description = "The append-only audit log of runs (default: audit-log.jsonl in the output directory)." };
        var lists = ListOption();
        var ledger = LedgerCommand.LedgerOption(required: false);
        var commit = new Option<bool>("--commit") { Description = "Record the batch's consuming lines in the ledger, in one transaction (needs --ledger). Without it the ledger is only read." };
        var ignoreColumns = IgnoreColumnOption();

        var command = new Command("screen", "Screen a CSV batch of order lines: one decision per line, with reasons and citations.")
        {
            orders, rules, pack, asOf, output, auditLog, lists, ledger, commit, ignoreColumns,
        };
        command.SetAction(parse =>
        {
            var location = parse.GetValue(ledger);
            if (parse.GetValue(commit) && location is null)
                throw new UsageException("--commit needs --ledger PATH|CONNECTION-STRING");
            var request = new RunRequest(parse.GetValue(orders)!, parse.GetValue(rules)!, parse.GetValue(pack), ParseDate(parse.GetValue(asOf)), parse.GetValue(output)!, parse.GetValue(auditLog),
                location is null ? null : new Ledger.LedgerOptions(location), parse.GetValue(commit))
            {
                Lists = parse.GetValue(lists) ?? [],
                IgnoreColumns = parse.GetValue(ignoreColumns) ?? [],
            };
            return Screen(request, stdout, stderr);
        });
        return command;
    }

    /// <summary><c>--list FILE</c>, repeatable: a restricted-party list screened besides the pack's own.</summary>
    internal static Option<string[]> ListOption() => new("--list")
    {
        Description = "A restricted-party list to screen against besides the pack's own: the Consolidated Screening List (consolidated.csv), " +
                      "the Denied Persons List, OFAC sdn.csv/alt.csv, or ChipScreen's JSON list. Repeat for several.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary><c>--ignore-column NAME</c>, repeatable: a column ChipScreen does not read, to ignore although its name looks
    /// like a screening column.</summary>
    internal static Option<string[]> IgnoreColumnOption() => new("--ignore-column")
    {
        Description = "A column of the orders file that ChipScreen does not read and should ignore, although its name looks like a column it screens " +
                      "(such a column otherwise stops the run). Repeat for several; recorded in report.json.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    internal static DateOnly? ParseDate(string? text)
    {
        if (text is null)
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        throw new UsageException($"--as-of '{text}' is not a date (YYYY-MM-DD)");
    }

    /// <summary>Screens the batch; Ctrl+C or SIGTERM stops it between runs of lines, and the run removes its temporary files
    /// (<see cref="Interruption"/>).</summary>
    private static int Screen(RunRequest request, TextWriter stdout, TextWriter stderr)
    {
        using var interruption = new Interruption();
        using var services = ScreeningServices.For(request);
        var screening = services.GetRequiredService<FileScreening>();
        var pack = services.GetRequiredService<IRulePackSource>().Current.Pack;
        using var progress = Progress.ForTerminal(stderr);
        var report = screening.Run(request, pack, progress: progress, cancellationToken: interruption.Token);
        Summary.Write(stdout, request, report);
        return Cli.Ok;
    }
}
