using ChipScreen.Tests.Support;
using static ChipScreen.Tests.Support.OrderCsv;

namespace ChipScreen.Tests.Cli;

/// <summary><c>chipscreen screen --ledger/--commit</c> and <c>chipscreen ledger ...</c> on an SQLite ledger (the same
/// library paths run on PostgreSQL in the ledger tests).</summary>
public class LedgerCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    private string Ledger => _dir.File("ledger.db");

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = ChipScreen.Cli.Cli.RunAsync(args, stdout, stderr).GetAwaiter().GetResult();
        return (code, stdout.ToString(), stderr.ToString());
    }

    private (int Code, string Out, string Err) Screen(string name, string csv, params string[] more) =>
        Run(["screen", _dir.Write(name + ".csv", csv), "--rules", Repo.Rules, "--as-of", "2025-12-31", "--out", _dir.File(name), .. more]);

    [Fact]
    public void Show_NamesEachConsignee_AsItsLatestEntryWritesIt_AndPrintsNoControlCharacter()
    {
        Assert.Equal(0, Screen("one", Of(Row("SO-1", "1", "2025-03-01", 100, consignee: "LAKE COMPUTE LIMITED")), "--ledger", Ledger, "--commit").Code);
        Assert.Equal(0, Screen("two", Of(Row("SO-2", "1", "2025-04-01", 100, consignee: "Lake Compute Ltd.\u0007\u202E")), "--ledger", Ledger, "--commit").Code);

        var show = Run("ledger", "show", "--ledger", Ledger).Out;
        Assert.Contains("  Lake Compute Ltd.[U+0007][U+202E]\n", show, StringComparison.Ordinal); // a bell and a right-to-left override
        Assert.DoesNotContain("\u0007", show, StringComparison.Ordinal);
        Assert.Matches(@"consignee_year +LAKECOMPUTELTD +2025 +\S+ +2  ", show); // both spellings: one consignee
    }

    [Fact]
    public void ScreenCommit_ThenShowExportAndVoid()
    {
        var (code, output, err) = Screen("one", Of(Row("SO-1", "1", "2025-03-01", 2000), Row("SO-1", "2", "2025-03-01", 3000, destination: "CL", consignee: "Andes Cloud")), "--ledger", Ledger, "--commit");
        Assert.True(code == 0, err);
        Assert.Contains($"committed to ledger {Ledger}: 2 entries added, 0 replaced, 0 unchanged", output);

        var show = Run("ledger", "show", "--ledger", Ledger, "--entries");
        Assert.Equal(0, show.Code);
        Assert.Contains("consignee_year      LAKECOMPUTELTD", show.Out);
        Assert.Matches(@"consignee_year +LAKECOMPUTELTD +2025 +20,000,000 +1  Lake Compute Ltd\n", show.Out); // the key, and the name as written
        Assert.Contains("20,000,000", show.Out);
        Assert.Contains("SO-1:2", show.Out);
        Assert.DoesNotContain("LAKE", Run("ledger", "show", "--ledger", Ledger, "--country", "CL").Out);

        var voided = Run("ledger", "void", "SO-1:2", "--reason", "cancelled", "--ledger", Ledger);
        Assert.Equal(0, voided.Code);
        Assert.Contains("voided 1 entry of SO-1:2", voided.Out);
        Assert.Equal(2, Run("ledger", "void", "SO-1:2", "--reason", "again", "--ledger", Ledger).Code);

        var export = _dir.File("entries.csv");
        Assert.Equal(0, Run("ledger", "export", "--ledger", Ledger, "--out", export).Code);
        var lines = File.ReadAllLines(export);
        Assert.Equal(3, lines.Length);
        Assert.Contains(",voided,", lines[2]);
        Assert.EndsWith(",void,cancelled", lines[2]);
        Assert.Equal(2, Run("ledger", "export", "--ledger", Ledger, "--active").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void ShowEntries_ListsTheEntriesBehindTheAccountsShown_UnderEveryFilter()
    {
        // SO-1:1 counts against Lake Compute's 2025 (shipped to IN); SO-1:2 against Chile's 2025-2027 allocation.
        Assert.Equal(0, Screen("one", Of(Row("SO-1", "1", "2025-03-01", 2000), Row("SO-1", "2", "2025-03-01", 3000, destination: "CL", consignee: "Andes Cloud")), "--ledger", Ledger, "--commit").Code);
        string[] Listed(params string[] filters) =>
            [.. Run(["ledger", "show", "--ledger", Ledger, "--entries", .. filters]).Out.Split('\n').Where(l => l.StartsWith("SO-", StringComparison.Ordinal)).Select(l => l[..6])];

        Assert.Equal(["SO-1:2"], Listed("--country", "CL"));
        Assert.Equal(["SO-1:1", "SO-1:2"], Listed("--consignee", "Lake Compute Ltd", "--country", "CL"));
        Assert.Equal(["SO-1:2"], Listed("--year", "2026")); // the allocation period 2025-2027 overlaps 2026; its entry shipped in 2025
        Assert.Equal(["SO-1:1"], Listed("--consignee", "Lake Compute Ltd"));
    }

    [Fact]
    public void ScreenWithALedger_ReadsIt_AndSaysWhetherItCommitted()
    {
        Assert.Equal(0, Run("ledger", "migrate", "--ledger", Ledger).Code);
        var (code, output, _) = Screen("read", Of(Row("SO-1", "1", "2025-03-01", 2000)), "--ledger", Ledger);
        Assert.Equal(0, code);
        Assert.Contains("(read only; --commit records the batch)", output);
        Assert.Contains("no committed volume matches", Run("ledger", "show", "--ledger", Ledger).Out);
        Assert.Contains("no ledger: volumes count from zero", Screen("none", Of(Row("SO-1", "1", "2025-03-01", 2000))).Out);
    }

    [Fact]
    public void CommittingRowsWithoutALineId_Exits2NamingTheRows_AndCommitsNothing()
    {
        var (code, _, err) = Screen("x", Of(Row("SO-1", "1", "2025-03-01", 2000), Row("SO-1", "", "2025-03-01", 10)), "--ledger", Ledger, "--commit");
        Assert.Equal(2, code);
        Assert.Contains("row 2 (order SO-1) has none", err);
        Assert.Empty(Directory.GetFiles(_dir.File("x")));
        Assert.Contains("no committed volume matches", Run("ledger", "show", "--ledger", Ledger).Out);
        // Read only, the row is screened (counted on top of the ledger).
        Assert.Equal(0, Screen("y", Of(Row("SO-1", "", "2025-03-01", 10)), "--ledger", Ledger).Code);
    }

    [Fact]
    public void CommitWithoutALedger_Exits2AndWritesNothing()
    {
        var (code, _, err) = Screen("x", Of(Row("SO-1", "1", "2025-03-01", 2000)), "--commit");
        Assert.Equal(2, code);
        Assert.Contains("--commit needs --ledger", err);
        Assert.False(Directory.Exists(_dir.File("x")));
    }

    [Fact]
    public void AMissingLedger_Exits2WithItsCode_AndWritesNothing()
    {
        var (code, _, err) = Screen("x", Of(Row("SO-1", "1", "2025-03-01", 2000)), "--ledger", _dir.File("typo.db"));
        Assert.Equal(2, code);
        Assert.Contains("(ledger_missing)", err);
        Assert.False(File.Exists(_dir.File("typo.db")));
        Assert.Empty(Directory.GetFiles(_dir.File("x")));
        Assert.Equal(2, Run("ledger", "show", "--ledger", _dir.File("typo.db")).Code);
    }

    [Theory]
    [InlineData("show", "99999")]
    [InlineData("export", "0")]
    [InlineData("show", "abc")]
    [InlineData("show", "2025.5")]
    [InlineData("show", "1e3")]
    [InlineData("export", "abc")]
    [InlineData("export", "2025.5")]
    public void AYearThatIsNoYear_Exits2NamingIt_NotAnUnexpectedFailure(string command, string year)
    {
        Assert.Equal(0, Screen("one", Of(Row("SO-1", "1", "2025-03-01", 2000)), "--ledger", Ledger, "--commit").Code);
        var (code, _, err) = Run("ledger", command, "--ledger", Ledger, "--year", year);
        Assert.Equal(2, code);
        Assert.Contains($"--year {year} is not a calendar year (1 to 9999)", err);
        Assert.DoesNotContain("Exception", err);
        if (int.TryParse(year, System.Globalization.CultureInfo.InvariantCulture, out var number))
            Assert.Throws<ArgumentOutOfRangeException>(() => new ChipScreen.Ledger.LedgerQuery(Year: number));
    }

    [Theory]
    [InlineData("show", "--country", "germany", "--country 'germany' is not an ISO alpha-2 code")]
    [InlineData("export", "--country", "D1", "--country 'D1' is not an ISO alpha-2 code")]
    [InlineData("show", "--consignee", "", "--consignee '' has no letters or digits")]
    [InlineData("export", "--consignee", "...", "--consignee '...' has no letters or digits")]
    public void AFilterThatCouldMatchNothing_Exits2NamingIt_InsteadOfShowingNoMatch(string command, string option, string value, string message)
    {
        Assert.Equal(0, Screen("one", Of(Row("SO-1", "1", "2025-03-01", 2000)), "--ledger", Ledger, "--commit").Code);
        var (code, output, err) = Run("ledger", command, "--ledger", Ledger, option, value);
        Assert.Equal(2, code);
        Assert.Contains(message, err);
        Assert.Empty(output);
        Assert.Throws<ArgumentException>(() => option == "--country" ? new ChipScreen.Ledger.LedgerQuery(Country: value) : new ChipScreen.Ledger.LedgerQuery(Consignee: value));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(":")]
    public void VoidingNoOrder_Exits2_NotAnUnexpectedFailure(string order)
    {
        Assert.Equal(0, Screen("one", Of(Row("SO-1", "1", "2025-03-01", 2000)), "--ledger", Ledger, "--commit").Code);
        var (code, _, err) = Run("ledger", "void", order, "--reason", "typo", "--ledger", Ledger);
        Assert.Equal(2, code);
        Assert.Contains("give the order to void", err);
        Assert.DoesNotContain("unexpected", err);
    }

    [Fact]
    public void VoidingAnIdThatReadsBothWays_IsRefusedAsAmbiguous_AndEachReadingCanBeNamed()
    {
        // Order "2025:10" line 1, and order "2025" line 10: "2025:10" names both.
        Assert.Equal(0, Screen("one", Of(Row("2025:10", "1", "2025-03-01", 100), Row("2025", "10", "2025-03-01", 200)), "--ledger", Ledger, "--commit").Code);
        var (code, _, err) = Run("ledger", "void", "2025:10", "--reason", "typo", "--ledger", Ledger);
        Assert.Equal(2, code);
        Assert.Contains("'2025:10' is ambiguous", err);
        Assert.Contains("the whole order '2025:10' (1 active entry) and order '2025' line '10' (1 active entry)", err);
        Assert.Contains("'ledger void 2025:10 --whole-order' or 'ledger void 2025 --line 10'", err);
        Assert.Equal(3, ActiveExport().Length); // header and both entries: nothing voided

        var line = Run("ledger", "void", "2025", "--line", "10", "--reason", "cancelled", "--ledger", Ledger);
        Assert.Equal(0, line.Code);
        Assert.Contains("voided 1 entry of 2025 (order '2025' line '10')", line.Out);
        Assert.Equal(["1,2025:10,1,"], ActiveExport().Skip(1).Select(l => l[..12]));

        // With only one reading left that has entries, the plain id is no longer ambiguous.
        var whole = Run("ledger", "void", "2025:10", "--reason", "cancelled", "--ledger", Ledger);
        Assert.Equal(0, whole.Code);
        Assert.Contains("voided 1 entry of 2025:10 (the whole order '2025:10')", whole.Out);
        Assert.Single(ActiveExport());
    }

    [Fact]
    public void AWholeOrderWhoseIdHoldsAColon_IsVoidable()
    {
        Assert.Equal(0, Screen("one", Of(Row("2025:10", "1", "2025-03-01", 100), Row("2025:10", "2", "2025-03-01", 100)), "--ledger", Ledger, "--commit").Code);
        var (code, output, err) = Run("ledger", "void", "2025:10", "--reason", "withdrawn", "--ledger", Ledger);
        Assert.True(code == 0, err);
        Assert.Contains("voided 2 entries of 2025:10", output);
        Assert.Single(ActiveExport());
        Assert.Equal(0, Screen("two", Of(Row("A:B", "1", "2025-03-01", 100)), "--ledger", Ledger, "--commit").Code);
        Assert.Equal(2, Run("ledger", "void", "A:B", "--line", "2", "--reason", "x", "--ledger", Ledger).Code); // no such line
        Assert.Equal(0, Run("ledger", "void", "A:B", "--whole-order", "--reason", "x", "--ledger", Ledger).Code);
        Assert.Equal(2, Run("ledger", "void", "A:B", "--whole-order", "--line", "1", "--reason", "x", "--ledger", Ledger).Code);
    }

    [Fact]
    public void VoidingALine_NamesItByItsNumber_PaddedOrNot()
    {
        Assert.Equal(0, Screen("one", Of(Row("SO-1", "010", "2025-03-01", 100), Row("SO-1", "2", "2025-03-01", 100)), "--ledger", Ledger, "--commit").Code);
        var ten = Run("ledger", "void", "SO-1:10", "--reason", "cancelled", "--ledger", Ledger);
        Assert.True(ten.Code == 0, ten.Err);
        Assert.Contains("voided 1 entry of SO-1:10 (order 'SO-1' line '10')", ten.Out);
        var two = Run("ledger", "void", "SO-1", "--line", "002", "--reason", "cancelled", "--ledger", Ledger);
        Assert.True(two.Code == 0, two.Err);
        Assert.Single(ActiveExport());
    }

    [Fact]
    public void VoidingInALedgerThatDoesNotExist_Exits2_AndCreatesNoLedger()
    {
        var typo = _dir.File("ledgr.db");
        var (code, output, err) = Run("ledger", "void", "SO-1", "--reason", "cancelled", "--ledger", typo);
        Assert.Equal(2, code);
        Assert.Contains("(ledger_missing)", err);
        Assert.Empty(output);
        Assert.False(File.Exists(typo));
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    private string[] ActiveExport() =>
        Run("ledger", "export", "--ledger", Ledger, "--active").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void AnExportToADirectoryOrAnUnwritablePlace_Exits2NamingIt()
    {
        Assert.Equal(0, Screen("one", Of(Row("SO-1", "1", "2025-03-01", 2000)), "--ledger", Ledger, "--commit").Code);
        var (code, _, err) = Run("ledger", "export", "--ledger", Ledger, "--out", _dir.Path);
        Assert.Equal((2, $"chipscreen: --out {_dir.Path}: is a directory; give the CSV file to write"), (code, err.Trim()));
        var unwritable = _dir.File("one.csv/export.csv"); // under a file
        (code, _, err) = Run("ledger", "export", "--ledger", Ledger, "--out", unwritable);
        Assert.Equal(2, code);
        Assert.StartsWith($"chipscreen: --out {unwritable}: cannot be written", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("show")]
    [InlineData("export")]
    [InlineData("migrate")]
    public void AConnectionStringThatDoesNotParse_Exits2_WithoutEchoingItsPassword(string command)
    {
        var (code, _, err) = Run("ledger", command, "--ledger", "Host=db;Database=x;Password=hunter2;Timeout=abc");
        Assert.Equal(2, code);
        Assert.Contains("ledger 'Host=db;Database=x;Password=***;Timeout=abc': not a PostgreSQL connection string", err);
        Assert.Contains("(ledger_location_invalid)", err);
        Assert.DoesNotContain("hunter2", err);
        (code, _, err) = Screen("x", Of(Row("SO-1", "1", "2025-03-01", 2000)), "--ledger", "Server=db;Password=hunter2;Timeout=abc", "--commit");
        Assert.Equal(2, code);
        Assert.DoesNotContain("hunter2", err);
        Assert.False(File.Exists("Server=db;Password=hunter2;Timeout=abc"));
    }

    [Fact]
    public void ALedgerChangedOutsideChipScreen_Exits1NamingTheRow_AndAFailedExportLeavesNoFile()
    {
        Assert.Equal(0, Screen("one", Of(Row("SO-1", "1", "2025-03-01", 2000)), "--ledger", Ledger, "--commit").Code);
        Sql("UPDATE ledger_accounts SET total = 'abc'");
        var (code, _, err) = Screen("two", Of(Row("SO-2", "1", "2025-06-01", 10)), "--ledger", Ledger);
        Assert.Equal(1, code);
        Assert.Contains($"chipscreen: ledger {Ledger}: ledger_accounts.total of the account (consignee_year, 'LAKECOMPUTELTD', 2025) is 'abc'", err);
        Assert.Contains("(ledger_data_invalid)", err);
        Assert.DoesNotContain("unexpected", err);
        Assert.Empty(Directory.GetFiles(_dir.File("two")));
        Assert.Equal(1, Run("ledger", "show", "--ledger", Ledger).Code);

        Sql("UPDATE ledger_accounts SET total = '20000000'");
        Sql("UPDATE ledger_entries SET ship_date = 'junk'");
        var export = _dir.File("entries.csv");
        (code, _, err) = Run("ledger", "export", "--ledger", Ledger, "--out", export);
        Assert.Equal(1, code);
        Assert.Contains("ledger_entries.ship_date of entry 1 (order SO-1 line 1) is 'junk', not a date (YYYY-MM-DD)", err);
        Assert.False(File.Exists(export + ".partial"));
        Assert.False(File.Exists(export));
    }

    private void Sql(string statement)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Ledger};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = statement;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void AnUnreachableServer_Exits1()
    {
        var (code, _, err) = Screen("x", Of(Row("SO-1", "1", "2025-03-01", 2000)), "--ledger", "Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2", "--commit");
        Assert.Equal(1, code);
        Assert.Contains("(ledger_unavailable)", err);
        Assert.Empty(Directory.GetFiles(_dir.File("x")));
    }

    public void Dispose()
    {
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }
}
