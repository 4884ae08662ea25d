using ChipScreen.Cli;
using ChipScreen.Tests.Orders;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Cli;

public class ScreenCommandTests
{
    internal static (int Code, string Out, string Err) Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = ChipScreen.Cli.Cli.RunAsync(args, stdout, stderr).GetAwaiter().GetResult();
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Screen_WritesBothFilesAndASummary()
    {
        using var dir = new TempDir();
        var (code, output, _) = Run("screen", Path.Combine(Repo.Samples, "distributor-q3-2025.csv"), "--rules", Repo.Rules, "--as-of", "2025-09-30", "--out", dir.File("out"));
        Assert.Equal(0, code);
        Assert.True(File.Exists(dir.File("out/decisions.csv")));
        Assert.True(File.Exists(dir.File("out/report.json")));
        Assert.Contains("PROHIBITED", output);
        Assert.Contains("pack ai-diffusion-2025", output);
    }

    [Fact]
    public void Verify_OfARunWhoseInputIsGone_SaysItWasNotReScreened_AndStrictFails()
    {
        using var dir = new TempDir();
        var input = dir.Write("orders.csv", File.ReadAllText(Path.Combine(Repo.Samples, "distributor-q3-2025.csv")));
        Assert.Equal(0, Run("screen", input, "--rules", Repo.Rules, "--as-of", "2025-09-30", "--out", dir.File("out")).Code);
        var (code, output, _) = Run("verify", dir.File("out"));
        Assert.Equal(0, code);
        Assert.Contains("verified: the run is intact and reproducible", output);

        File.Move(input, dir.File("moved.csv"));
        (code, output, _) = Run("verify", dir.File("out"));
        Assert.Equal(0, code); // nothing differs
        Assert.Contains("partly verified", output);
        Assert.Contains("not re-screened", output);
        Assert.DoesNotContain("reproducible", output);

        (code, output, _) = Run("verify", dir.File("out"), "--strict");
        Assert.Equal(1, code);
        Assert.Contains("NOT verified", output);

        (code, output, _) = Run("verify", dir.File("out"), "--input", dir.File("moved.csv"), "--strict");
        Assert.Equal(0, code);
        Assert.Contains("verified: the run is intact and reproducible", output);
    }

    [Theory]
    [InlineData("no-such-dir", "{0}: no such directory; give the output directory of a screening run")]
    [InlineData("some-file.txt", "{0}: is a file, not a directory; give the output directory of a screening run")]
    [InlineData("empty", "{0}: no report.json; is it the output directory of a screening run?")]
    public void Verify_OfAPathThatIsNoDirectory_Exits2_SayingWhatItIs(string name, string message)
    {
        using var dir = new TempDir();
        dir.Write("some-file.txt", "not a run");
        Directory.CreateDirectory(dir.File("empty"));
        var path = dir.File(name);

        var (code, output, err) = Run("verify", path);

        Assert.Equal(2, code);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, path), err);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("--input", "typo.csv", "--input {0}: no such file")]
    [InlineData("--input", "", "--input {0}: is a directory; give the run's input file")]
    [InlineData("--rules", "typo", "--rules {0}: no such directory")]
    [InlineData("--rules", "orders.csv", "--rules {0}: is a file; give the rules directory")]
    [InlineData("--audit-log", "typo.jsonl", "--audit-log {0}: no such file")]
    [InlineData("--audit-log", "", "--audit-log {0}: is a directory; give the audit log file")]
    [InlineData("--list", "typo.csv", "--list {0}: no such file")]
    public void Verify_WithAnInputOrRulesPathThatIsNotThere_Exits2NamingIt_InsteadOfPartlyVerifying(string option, string name, string message)
    {
        using var dir = new TempDir();
        var input = dir.Write("orders.csv", File.ReadAllText(Path.Combine(Repo.Samples, "distributor-q3-2025.csv")));
        Assert.Equal(0, Run("screen", input, "--rules", Repo.Rules, "--as-of", "2025-09-30", "--out", dir.File("out")).Code);
        var path = name.Length == 0 ? dir.Path : dir.File(name);

        var (code, output, err) = Run("verify", dir.File("out"), option, path);

        Assert.Equal(2, code);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, path), err);
        Assert.Empty(output);
    }

    [Fact]
    public void MissingRequiredHeader_Exits2NamingIt()
    {
        using var dir = new TempDir();
        var orders = dir.Write("o.csv", "order_id,sku,destination_country,end_user\nSO-1,H100-SXM5-80GB,DE,Acme\n");
        var (code, _, err) = Run("screen", orders, "--rules", Repo.Rules, "--out", dir.File("out"));
        Assert.Equal(2, code);
        Assert.Contains("'quantity'", err);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Theory]
    [InlineData("quote", "the header row (line 1) has malformed quoting (a stray or unbalanced quote) in column 'Rack Size 19\"'")]
    [InlineData("utf-16", "the file is not UTF-8: its header row holds NUL bytes, as UTF-16 text without a byte-order mark does")]
    public void AHeaderRowThatCannotBeTrusted_Exits2NamingIt_NotAnUnexpectedFailure(string kind, string message)
    {
        using var dir = new TempDir();
        var orders = dir.File("o.csv");
        if (kind == "quote")
            File.WriteAllText(orders, "order_id,line,sku,quantity,destination_country,end_user,Rack Size 19\"\nSO1,1,H100-SXM5-80GB,64,US,Acme,x\n");
        else
            File.WriteAllBytes(orders, System.Text.Encoding.Unicode.GetBytes("order_id,sku,quantity,destination_country,end_user\nSO1,H100-SXM5-80GB,64,DE,Acme\n"));
        var (code, output, err) = Run("screen", orders, "--rules", Repo.Rules, "--as-of", "2025-06-01", "--out", dir.File("out"));
        Assert.Equal((2, ""), (code, output));
        Assert.StartsWith($"chipscreen: {orders}: {message}", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("out")), "nothing screened, no output directory made");
    }

    [Theory]
    [MemberData(nameof(OrderCsvReaderTests.ErpPartyCountryOrEndUseColumns), MemberType = typeof(OrderCsvReaderTests))]
    public void AnErpColumnForAPartysCountryOrEndUse_StopsTheRun_NamingItAndIgnoreColumn(string column)
    {
        // Ignored unread, CN here left an H100 to Germany at AIA.
        using var dir = new TempDir();
        var orders = dir.Write("o.csv", $"order_id,sku,quantity,destination_country,end_user,{column},Landed Cost,Account Owner\n" +
                                         "SO1,H100-SXM5-80GB,8,DE,Acme GmbH,CN,100,J. Smith\n");
        var (code, output, err) = Run("screen", orders, "--rules", Repo.Rules, "--as-of", "2025-06-01", "--out", dir.File("out"));
        Assert.Equal((2, ""), (code, output));
        Assert.StartsWith($"chipscreen: {orders}: column '{column}' (did you mean ", err, StringComparison.Ordinal);
        Assert.Contains($"--ignore-column \"{column}\"", err);
        Assert.DoesNotContain("Landed Cost", err);
        Assert.DoesNotContain("Account Owner", err);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public void AColumnThatLooksLikeAScreeningColumn_StopsTheRun_UntilNamedWithIgnoreColumn_WhichTheReportRecordsAndVerifyRepeats()
    {
        // Ignored unread, the end user's China HQ left an H100 to Germany at AIA (H1 makes it PROHIBITED), and the China
        // end-user country of an H20 was never screened either.
        using var dir = new TempDir();
        var orders = dir.Write("o.csv", "order_id,sku,quantity,destination_country,end_user,Country of End User,End User HQ,Net Value\n" +
                                         "SO1,H100-SXM5-80GB,8,DE,Acme GmbH,,CN,100\nSO2,H20-96GB,8,DE,Acme GmbH,CN,,100\n");
        var (code, output, err) = Run("screen", orders, "--rules", Repo.Rules, "--as-of", "2025-06-01", "--out", dir.File("out"));
        Assert.Equal((2, ""), (code, output));
        Assert.StartsWith($"chipscreen: {orders}: columns 'Country of End User' (did you mean end_user_country?), 'End User HQ' (did you mean end_user_hq_country?) are not ones ChipScreen reads", err, StringComparison.Ordinal);
        Assert.Contains("--ignore-column \"Country of End User\" --ignore-column \"End User HQ\"", err);
        Assert.False(Directory.Exists(dir.File("out")));

        (code, output, err) = Run("screen", orders, "--rules", Repo.Rules, "--as-of", "2025-06-01", "--out", dir.File("out"),
            "--ignore-column", "Country of End User", "--ignore-column", "End User HQ");
        Assert.Equal((0, ""), (code, err));
        Assert.Contains("columns not read (ignored): 'Country of End User', 'End User HQ', 'Net Value'; as asked with --ignore-column: 'Country of End User', 'End User HQ'", output);
        using (var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(dir.File("out/report.json"))))
        {
            var input = report.RootElement.GetProperty("input");
            Assert.Equal(["Country of End User", "End User HQ", "Net Value"], input.GetProperty("ignored_columns").EnumerateArray().Select(c => c.GetString()));
            Assert.Equal(["Country of End User", "End User HQ"], input.GetProperty("ignore_column_options").EnumerateArray().Select(c => c.GetString()));
        }
        (code, output, _) = Run("verify", dir.File("out"));
        Assert.Equal(0, code);
        Assert.Contains("verified: the run is intact and reproducible", output);
    }

    [Fact]
    public void BrokenRuleFile_Exits2NamingFileAndRule()
    {
        using var rules = TempDir.WithRules();
        rules.Edit("ai-diffusion-2025/workflows/decision-table.json", "line.Volume.ConsigneeYearFits\"", "line.Volume.ConsigneeYearFitz\"");
        var (code, _, err) = Run("screen", Path.Combine(Repo.Samples, "distributor-q3-2025.csv"), "--rules", rules.Rules, "--as-of", "2025-09-30", "--out", rules.File("out"));
        Assert.Equal(2, code);
        Assert.Contains("ai-diffusion-2025/workflows/decision-table.json:", err);
        Assert.Contains("rule A4", err);
        Assert.DoesNotContain("   at ", err); // no stack trace
        Assert.False(Directory.Exists(rules.File("out")));
    }

    [Theory]
    [InlineData("--as-of", "31/12/2025")]
    [InlineData("--pack", "no-such-pack")]
    public void UnusableArgument_Exits2(string option, string value)
    {
        using var dir = new TempDir();
        var (code, _, err) = Run("screen", Path.Combine(Repo.Samples, "distributor-q3-2025.csv"), "--rules", Repo.Rules, option, value, "--out", dir.File("out"));
        Assert.Equal(2, code);
        Assert.Contains(value, err);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../etc")]
    public void APackArgumentThatIsNotAPackId_IsNamedAsTheOption_NotAsAConfigurationKey(string value)
    {
        using var dir = new TempDir();
        var (code, _, err) = Run("screen", Path.Combine(Repo.Samples, "distributor-q3-2025.csv"), "--rules", Repo.Rules, "--pack", value, "--out", dir.File("out"));
        Assert.Equal(2, code);
        Assert.Contains($"--pack '{value}' is not a pack id", err);
        Assert.DoesNotContain("ChipScreen:PackId", err);
    }

    [Theory]
    [InlineData("--out", "a-file", "output directory {0}: is a file, not a directory")]
    [InlineData("--audit-log", "a-directory", "audit log {0}: is a directory, not a file")]
    [InlineData("--audit-log", "a-file/audit-log.jsonl", "audit log {0}: cannot be written")]
    public void AnOutputPathThatCannotBeWritten_Exits2BeforeScreening_NamingIt(string option, string value, string message)
    {
        using var dir = new TempDir();
        dir.Write("a-file", "not a directory");
        Directory.CreateDirectory(dir.File("a-directory"));
        var path = dir.File(value);
        string[] paths = option == "--out" ? ["--out", path] : ["--out", dir.File("out"), option, path];
        var (code, _, err) = Run(["screen", Path.Combine(Repo.Samples, "distributor-q3-2025.csv"), "--rules", Repo.Rules, "--as-of", "2025-09-30", .. paths]);
        Assert.Equal(2, code);
        Assert.StartsWith("chipscreen: " + string.Format(System.Globalization.CultureInfo.InvariantCulture, message, path), err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("out")), "nothing screened, no output directory made");
        Assert.Equal("not a directory", File.ReadAllText(dir.File("a-file")));
    }

    [Theory]
    [InlineData("out/decisions.csv", "out", null, "out/decisions.csv")]
    [InlineData("out/report.html", "out", null, "out/report.html")]
    [InlineData("out/audit.jsonl.partial", "out", null, "out/audit.jsonl.partial")]
    [InlineData("out/audit-log.jsonl", "out", null, "out/audit-log.jsonl")]
    [InlineData("orders.csv", "out", "orders.csv", "orders.csv")] // --audit-log names the input
    [InlineData("out/decisions.csv", "out-link", null, "out-link/decisions.csv")] // the output directory by another name
    [InlineData("link.csv", "out", null, "out/decisions.csv")] // the input by another name
    public void AnInputThatIsAnOutputOfTheRun_Exits2BeforeAnythingIsWritten_AndIsLeftAsItWas(string input, string output, string? auditLog, string named)
    {
        using var dir = new TempDir();
        var orders = File.ReadAllText(Path.Combine(Repo.Samples, "distributor-q3-2025.csv"));
        dir.Write(input == "link.csv" ? "out/decisions.csv" : input, orders);
        if (input == "link.csv")
            File.CreateSymbolicLink(dir.File("link.csv"), dir.File("out/decisions.csv"));
        if (output == "out-link")
            Directory.CreateSymbolicLink(dir.File("out-link"), dir.File("out"));
        var before = Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories).Order().ToList();
        string[] log = auditLog is null ? [] : ["--audit-log", dir.File(auditLog)];

        var (code, stdout, err) = Run(["screen", dir.File(input), "--rules", Repo.Rules, "--as-of", "2025-09-30", "--out", dir.File(output), .. log]);

        Assert.Equal((2, ""), (code, stdout));
        Assert.Equal($"chipscreen: orders file {dir.File(input)}: is {dir.File(named)}, which this run writes; move the orders file, or write the run elsewhere (--out, --audit-log)" +
                     Environment.NewLine, err);
        Assert.Equal(orders, File.ReadAllText(dir.File(input)));
        Assert.Equal(before, Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories).Order());
    }

    [Fact]
    public void AnOutputDirectoryAnotherRunIsWriting_Exits2_AndLeavesThatRunsFilesAlone()
    {
        using var dir = new TempDir();
        string[] screen = ["screen", Path.Combine(Repo.Samples, "distributor-q3-2025.csv"), "--rules", Repo.Rules, "--as-of", "2025-09-30", "--out", dir.File("out")];
        Assert.Equal(0, Run(screen).Code);
        var before = Directory.GetFiles(dir.File("out")).ToDictionary(f => f, File.ReadAllBytes);

        // Another run holds the directory, as `chipscreen screen` does while it writes there.
        using (ChipScreen.Runs.OutputLock.Acquire(dir.File("out")))
        {
            var (code, _, err) = Run(screen);
            Assert.Equal(2, code);
            Assert.StartsWith($"chipscreen: output directory {dir.File("out")}: another chipscreen run is writing to it", err, StringComparison.Ordinal);
            Assert.Equal(before.Keys.Order(StringComparer.Ordinal), Directory.GetFiles(dir.File("out")).Order(StringComparer.Ordinal)); // no partial file, no lock file
            foreach (var (file, bytes) in before)
                Assert.Equal(bytes, File.ReadAllBytes(file));
        }

        // Once it ends, the next run goes ahead, and both runs verify.
        Assert.Equal(0, Run(screen).Code);
        Assert.Equal(2, File.ReadAllLines(dir.File("out/audit-log.jsonl")).Length);
        Assert.Equal(0, Run("verify", dir.File("out")).Code);
    }

    [Theory]
    [InlineData("a line someone added by hand\n")]
    [InlineData("{\"sequence\":2,\"hash\":\"0000\"}\n")]
    public void AnAuditLogWhoseLastLineIsNotARun_StopsTheRunBeforeItWritesAnything(string appended)
    {
        using var dir = new TempDir();
        string[] screen = ["screen", Path.Combine(Repo.Samples, "distributor-q3-2025.csv"), "--rules", Repo.Rules, "--as-of", "2025-09-30", "--out", dir.File("out")];
        Assert.Equal(0, Run(screen).Code);
        File.AppendAllText(dir.File("out/audit-log.jsonl"), appended);
        var before = Directory.GetFiles(dir.File("out")).ToDictionary(f => f, File.ReadAllBytes);

        var (code, _, err) = Run([.. screen[..^4], "--as-of", "2025-10-31", "--out", dir.File("out")]);
        Assert.Equal(2, code);
        Assert.Equal($"chipscreen: audit log {dir.File("out/audit-log.jsonl")}: its last line is not a ChipScreen audit-log entry, so no run can be chained to it: restore the log from a copy, or give another --audit-log",
            err.Trim());
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), Directory.GetFiles(dir.File("out")).Order(StringComparer.Ordinal));
        foreach (var (file, bytes) in before)
            Assert.Equal(bytes, File.ReadAllBytes(file)); // the earlier run's outputs are still the ones it logged
    }

    [Theory]
    [InlineData(2)] // SIGINT: Ctrl+C
    [InlineData(15)] // SIGTERM: a scheduler stopping the job
    public async Task ARunStoppedBySignal_RemovesItsTemporaryFiles_LogsNothing_AndExits130(int signal)
    {
        using var dir = new TempDir();
        var sample = File.ReadAllLines(Path.Combine(Repo.Samples, "distributor-q3-2025.csv"));
        var orders = dir.Write("orders.csv", string.Join("\n", [sample[0], .. Enumerable.Repeat(sample[1..], 400_000 / (sample.Length - 1)).SelectMany(l => l)]) + "\n");
        using var run = CliProcess.Start(new Dictionary<string, string>(), "screen", orders, "--rules", Repo.Rules, "--as-of", "2025-09-30", "--out", dir.File("out"));
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (!File.Exists(dir.File("out/decisions.csv.partial")))
        {
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(60), "the run did not start writing");
            await Task.Delay(20);
        }
        run.Signal(signal);
        var (code, _, err) = await run.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(code == 130, $"exit code {code}: {err}");
        Assert.Equal("chipscreen: interrupted; nothing was written, logged or committed", err.Trim());
        Assert.Empty(Directory.GetFiles(dir.File("out")));
    }

    [Fact]
    public void MissingFile_Exits2()
    {
        var (code, _, err) = Run("screen", "no-such-orders.csv", "--rules", Repo.Rules);
        Assert.Equal(2, code);
        Assert.Contains("no such file", err);
    }

    [Fact]
    public void NoRulesDirectory_Exits2_SayingWhereItLookedAndHowToGiveOne()
    {
        // Run from anywhere but a checkout, the default "rules" is not there: the message says where it looked.
        using var dir = new TempDir();
        var missing = dir.File("rules");
        var (code, _, err) = Run("screen", Path.Combine(Repo.Samples, "distributor-q3-2025.csv"), "--rules", missing, "--out", dir.File("out"));
        Assert.Equal(2, code);
        Assert.Contains($"the rules directory does not exist ({missing}): give the directory that holds the packs, catalog/ and countries/ (--rules DIR", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Theory]
    [InlineData("9995-01-01")]
    [InlineData("9999-12-31")]
    public void AnAsOfDateNearTheCalendarsEnd_Screens_WithoutAnUnexpectedFailure(string asOf)
    {
        // The check for a ship date more than five years after the as-of date once added five years past 9999.
        using var dir = new TempDir();
        var orders = dir.Write("orders.csv", "order_id,line,ship_date,sku,quantity,destination_country,end_user\nSO-1,1,2025-07-01,H100-SXM5-80GB,10,India,Acme\n");
        var (code, _, err) = Run("screen", orders, "--rules", Repo.Rules, "--as-of", asOf, "--out", dir.File("out"));
        Assert.True(code == 0, err);
        Assert.Equal(2, File.ReadAllLines(dir.File("out/decisions.csv")).Length);
    }

    [Fact]
    public void UnknownOption_Exits2() => Assert.Equal(2, Run("screen", "x.csv", "--frobnicate").Code);
}
