using System.CommandLine;
using System.Globalization;
using ChipScreen.Ledger;
using ChipScreen.Volumes;

namespace ChipScreen.Cli;

/// <summary><c>chipscreen ledger show|export|void|migrate --ledger PATH|CONNECTION-STRING</c>: read the ledger, void entries,
/// bring its schema up to date.</summary>
internal static class LedgerCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("ledger", "Show, export or void the committed volumes (LPP per consignee and year, licensed volume per country and allocation period).")
        {
            Show(stdout), Export(stdout), Void(stdout), Migrate(stdout),
        };
        return command;
    }

    /// <summary>The <c>--ledger</c> option; <paramref name="required"/> for the ledger commands, optional for <c>screen</c>.</summary>
    public static Option<string> LedgerOption(bool required) => new("--ledger")
    {
        Description = "The ledger: an SQLite file path (created by the first commit) or a PostgreSQL connection string (Host=...;Database=...;Username=...;Password=..., or postgresql://user@host/db).",
        Required = required,
    };

    private static Command Show(TextWriter stdout)
    {
        var ledger = LedgerOption(required: true);
        var (consignee, country, year) = Filters();
        var entries = new Option<bool>("--entries") { Description = "Also list the active entries behind the totals." };
        var command = new Command("show", "Show account totals: each consignee's volume per year and each country's licensed volume per allocation period.")
        {
            ledger, consignee, country, year, entries,
        };
        command.SetAction(parse =>
        {
            using var open = Open(parse.GetValue(ledger)!, write: false);
            var query = new LedgerQuery(parse.GetValue(consignee), parse.GetValue(country), parse.GetValue(year));
            stdout.WriteLine($"ledger {open.Location} ({(open.Location.Kind == LedgerStoreKind.Sqlite ? "sqlite" : "postgresql")}, schema {open.SchemaVersion})");
            var accounts = open.Accounts(query);
            if (accounts.Count == 0)
            {
                stdout.WriteLine("no committed volume matches");
                return Cli.Ok;
            }
            stdout.WriteLine(Invariant($"{"account",-19} {"key",-36} {"period",-10} {"total TPP",18} {"entries",8}  name"));
            foreach (var a in accounts)
                stdout.WriteLine(Invariant($"{a.Account.Name(),-19} {a.Key,-36} {a.Period,-10} {a.Total,18:N0} {a.ActiveEntries,8:N0}  {TerminalText.Safe(a.Name ?? "")}").TrimEnd());
            if (parse.GetValue(entries))
            {
                stdout.WriteLine();
                stdout.WriteLine(Invariant($"{"order:line",-24} {"account",-19} {"key",-30} {"period",-10} {"volume",14} {"decision",-18} run"));
                // The entries behind the totals shown: those of the accounts listed, whatever their ship date or destination
                // (an allocation period spans years, and a consignee's year holds lines to any country).
                var shown = accounts.Select(a => (a.Account, a.Key, a.Period)).ToHashSet();
                foreach (var e in open.Entries(LedgerQuery.All).Where(e => shown.Contains((e.Account, e.AccountKey, e.Period))))
                    stdout.WriteLine(Invariant($"{e.OrderId + ":" + e.Line,-24} {e.Account.Name(),-19} {e.AccountKey,-30} {e.Period,-10} {e.Volume,14:N0} {(e.Exception.Length > 0 ? e.Exception : e.Decision),-18} {e.RunId}"));
            }
            return Cli.Ok;
        });
        return command;
    }

    private static Command Export(TextWriter stdout)
    {
        var ledger = LedgerOption(required: true);
        var (consignee, country, year) = Filters();
        var activeOnly = new Option<bool>("--active") { Description = "Only the entries that count now (default: every entry, replaced and voided ones included, with their status)." };
        var output = new Option<string?>("--out") { Description = "The CSV file to write (default: standard output)." };
        var command = new Command("export", "Export ledger entries as CSV (RFC 4180, UTF-8), in commit order.")
        {
            ledger, consignee, country, year, activeOnly, output,
        };
        command.SetAction(parse =>
        {
            using var open = Open(parse.GetValue(ledger)!, write: false);
            var query = new LedgerQuery(parse.GetValue(consignee), parse.GetValue(country), parse.GetValue(year), IncludeHistory: !parse.GetValue(activeOnly));
            var path = parse.GetValue(output);
            if (path is null && ReferenceEquals(stdout, Console.Out))
            {
                Console.Out.Flush();
                using var console = Console.OpenStandardOutput();
                LedgerCsv.Write(open.Entries(query), console); // streams: the ledger may be large
            }
            else if (path is null)
            {
                using var buffer = new MemoryStream();
                LedgerCsv.Write(open.Entries(query), buffer);
                stdout.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
            else
            {
                if (Directory.Exists(path))
                    throw new UsageException($"--out {path}: is a directory; give the CSV file to write");
                var partial = path + ".partial";
                FileStream file;
                try
                {
                    file = new FileStream(partial, FileMode.Create, FileAccess.Write);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new UsageException($"--out {path}: cannot be written: {e.Message}");
                }
                try
                {
                    using (file)
                        LedgerCsv.Write(open.Entries(query), file);
                    File.Move(partial, path, overwrite: true);
                }
                catch
                {
                    // A failed export leaves neither a partial file nor a half-written one under the name asked for.
                    File.Delete(partial);
                    throw;
                }
            }
            return Cli.Ok;
        });
        return command;
    }

    private static Command Void(TextWriter stdout)
    {
        var ledger = LedgerOption(required: true);
        var target = new Argument<string>("order")
        {
            Description = "ORDER_ID to void every entry of the order, or ORDER_ID:LINE for one line. An id with a colon that reads both ways " +
                          "(a whole order, or an order and a line) with entries for both is refused: then name it with --line or --whole-order.",
        };
        var lineOption = new Option<string?>("--line") { Description = "Void this line of the order; ORDER_ID is then taken as written, colons and all." };
        var wholeOrder = new Option<bool>("--whole-order") { Description = "Void every line of the order; ORDER_ID is taken as written, colons and all." };
        var reason = new Option<string>("--reason") { Description = "Why (kept with the voided entries).", Required = true };
        var command = new Command("void", "Void committed entries: they stop counting against their limits and stay in the ledger as history, with the reason.")
        {
            ledger, target, lineOption, wholeOrder, reason,
        };
        command.SetAction(parse =>
        {
            var text = parse.GetValue(target)!;
            if (string.IsNullOrWhiteSpace(text) || text.Trim() == ":")
                throw new UsageException("give the order to void: ORDER_ID, or ORDER_ID:LINE for one line");
            var why = parse.GetValue(reason)!;
            if (string.IsNullOrWhiteSpace(why))
                throw new UsageException("--reason must say why the entries are voided");
            var line = parse.GetValue(lineOption);
            var whole = parse.GetValue(wholeOrder);
            if (line is not null && whole)
                throw new UsageException("--line and --whole-order exclude each other: --line voids one line of the order, --whole-order every line");
            if (line is not null && string.IsNullOrWhiteSpace(line))
                throw new UsageException("--line needs the line to void");
            List<(string Order, string? Line)> readings = line is not null ? [(text, line)] : whole ? [(text, null)] : Readings(text);

            // A void is never created from nothing: a mistyped path must not become an empty ledger that later reads count from.
            using var open = VolumeLedger.Open(new LedgerOptions(parse.GetValue(ledger)!), TimeProvider.System, write: true, create: false);
            // The ledger looks at which readings have entries and voids the one that has, in one transaction that commits
            // wait for: the id cannot come to name a second reading between the look and the void.
            var result = open.Void([.. readings.Select(r => new LedgerVoidTarget(r.Order, r.Line))], why);
            var found = result.Found.Select(f => (Reading: (f.Target.OrderId, f.Target.Line), Entries: f.ActiveEntries)).ToList();
            if (found.Count > 1)
            {
                throw new UsageException($"'{text}' is ambiguous in ledger {open.Location}, where it names " +
                    string.Join(" and ", found.Select(f => Invariant($"{Describe(f.Reading)} ({f.Entries} active entr{(f.Entries == 1 ? "y" : "ies")})"))) +
                    "; nothing was voided. Name one: " + string.Join(" or ", found.Select(f => Spelled(f.Reading))));
            }
            if (found.Count == 0)
            {
                throw new LedgerException(LedgerErrorCodes.NothingToVoid, readings.Count == 1
                    ? $"ledger {open.Location} has no active entry for {readings[0].Order}{(readings[0].Line is null ? "" : ":" + readings[0].Line)}"
                    : $"ledger {open.Location} has no active entry for {string.Join(" nor ", readings.Select(Describe))}");
            }
            var count = result.Voided;
            stdout.WriteLine(Invariant($"voided {count} entr{(count == 1 ? "y" : "ies")} of {text} ({Describe(found[0].Reading)}) in {open.Location}"));
            return Cli.Ok;
        });
        return command;
    }

    /// <summary>What ORDER_ID[:LINE] can mean: the whole order as written, and an order and a line split at each colon.</summary>
    private static List<(string Order, string? Line)> Readings(string text)
    {
        List<(string, string?)> readings = [(text, null)];
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] == ':')
                readings.Add((text[..i], text[(i + 1)..]));
        }
        return readings;
    }

    private static string Describe((string Order, string? Line) reading) =>
        reading.Line is null ? $"the whole order '{reading.Order}'" : $"order '{reading.Order}' line '{reading.Line}'";

    /// <summary>The command that names exactly this reading.</summary>
    private static string Spelled((string Order, string? Line) reading) =>
        reading.Line is null ? $"'ledger void {Quoted(reading.Order)} --whole-order'" : $"'ledger void {Quoted(reading.Order)} --line {Quoted(reading.Line)}'";

    private static string Quoted(string value) => value.Any(char.IsWhiteSpace) ? $"\"{value}\"" : value;

    private static Command Migrate(TextWriter stdout)
    {
        var ledger = LedgerOption(required: true);
        var command = new Command("migrate", "Create the ledger, or bring its schema to this ChipScreen's version.") { ledger };
        command.SetAction(parse =>
        {
            using var open = Open(parse.GetValue(ledger)!, write: true);
            stdout.WriteLine($"ledger {open.Location} is at schema version {open.SchemaVersion}");
            return Cli.Ok;
        });
        return command;
    }

    private static (Option<string?> Consignee, Option<string?> Country, Option<int?> Year) Filters()
    {
        var year = new Option<int?>("--year")
        {
            Description = "Only this calendar year (accounts whose period overlaps it; entries shipping in it).",
            // Parsed here rather than checked by a validator: a validator asking for the value of "abc" or "2025.5" throws.
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(" ", result.Tokens.Select(t => t.Value));
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) && y is >= 1 and <= 9999)
                    return y;
                result.AddError($"--year {text} is not a calendar year (1 to 9999)");
                return null;
            },
        };
        var consignee = new Option<string?>("--consignee") { Description = "Only this consignee (names match ignoring case, accents and punctuation)." };
        consignee.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } name && !LedgerQuery.IsConsigneeName(name))
                result.AddError($"--consignee '{name}' has no letters or digits to match a consignee by");
        });
        var country = new Option<string?>("--country") { Description = "Only this ultimate destination (ISO alpha-2 code)." };
        country.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } code && !LedgerQuery.IsCountryCode(code))
                result.AddError($"--country '{code}' is not an ISO alpha-2 code; the ledger keeps destinations by code (e.g. DE for Germany)");
        });
        return (consignee, country, year);
    }

    private static VolumeLedger Open(string location, bool write) => VolumeLedger.Open(new LedgerOptions(location), TimeProvider.System, write);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
