using System.Text.Json;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Cli;

/// <summary><c>chipscreen rules validate|test|diff</c> and the pack each as-of date screens under.</summary>
public class RulesCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => ScreenCommandTests.Run(args);

    [Fact]
    public void Validate_ShippedRules_Exits0()
    {
        var (code, output, _) = Run("rules", "validate", Repo.Rules);
        Assert.Equal(0, code);
        Assert.Contains("valid: 3 packs", output);
    }

    [Fact]
    public void Validate_ABrokenPack_Exits2_NamingFileLineColumnRuleAndCode_AsTextAndJson()
    {
        using var rules = TempDir.WithRules();
        rules.Edit("us-2026/workflows/decision-table.json", "h20Class && destD5Mo && !toUs", "h20Class && Environment.ProcessorCount > 0");
        var (code, output, _) = Run("rules", "validate", rules.Rules);
        Assert.Equal(2, code);
        Assert.Matches(@"us-2026/workflows/decision-table\.json:\d+:\d+: rule K1: the expression uses Environment \(environment access\)", output);
        Assert.Contains("[expression_forbidden]", output);
        Assert.Contains("INVALID us-2026", output);

        var (jsonCode, json, _) = Run("rules", "validate", rules.Rules, "--json");
        Assert.Equal(2, jsonCode);
        using var document = JsonDocument.Parse(json);
        Assert.Contains(document.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == "expression_forbidden" && e.GetProperty("rule_id").GetString() == "K1");
    }

    [Fact]
    public void Test_ShippedPacks_Exit0_EndingWithTheCounts()
    {
        var (code, output, _) = Run("rules", "test", Repo.Rules);
        Assert.Equal(0, code);
        Assert.Matches(@"\d+ passed, 0 failed, 0 errors\n$", output);
        Assert.Contains("us-2026: ", output);
    }

    [Fact]
    public void Test_ExitCodes_Pass0_Fail1_Error2()
    {
        using var rules = TempDir.WithRules();
        rules.Edit("ac-2023/tests/decision-table.json", "\"decision\": \"NLR\"", "\"decision\": \"HOLD\"");
        Assert.Equal(1, Run("rules", "test", rules.Rules, "--pack", "ac-2023").Code);
        Assert.Equal(0, Run("rules", "test", rules.Rules, "--pack", "us-2026").Code);
        rules.Edit("ac-2023/tests/decision-table.json", "\"as_of\": \"2024-06-01\"", "\"as_of\": \"June 2024\"");
        var (code, output, _) = Run("rules", "test", rules.Rules, "--pack", "ac-2023", "--json");
        Assert.Equal(2, code);
        Assert.True(JsonDocument.Parse(output).RootElement.GetProperty("errors").GetInt32() > 0);
    }

    [Fact]
    public void Diff_ShowsTheChangedLines_AndCountsByChange()
    {
        var (code, output, _) = Run("rules", "diff", "--from", "ai-diffusion-2025", "--to", "us-2026", Path.Combine(Repo.Samples, "apac-distributor-2026-h1.csv"),
            "--rules", Repo.Rules, "--as-of", "2026-06-30");
        Assert.Equal(0, code);
        Assert.Contains("(H20-96GB x 400 to CN): NLR -> LICENSE_REQUIRED", output);
        Assert.Contains("(H200-SXM-141GB x 256 to CN): PROHIBITED -> LICENSE_REQUIRED", output);
        Assert.Matches(@"\n  NLR -> LICENSE_REQUIRED +\d+\n", output);
        Assert.Matches(@"\n  PROHIBITED -> LICENSE_REQUIRED +\d+\n", output);
    }

    [Fact]
    public void Diff_ReadsTheOrdersAsScreenDoes_AColumnThatLooksLikeAScreeningColumnStopsIt_UntilNamedWithIgnoreColumn()
    {
        using var dir = new TempDir();
        var orders = dir.Write("o.csv", "order_id,sku,quantity,destination_country,end_user,End User HQ\nSO1,H20-96GB,8,CN,Acme,CN\n");
        string[] args = ["rules", "diff", "--from", "ai-diffusion-2025", "--to", "us-2026", orders, "--rules", Repo.Rules, "--as-of", "2026-06-30"];
        var (code, _, err) = Run(args);
        Assert.Equal(2, code);
        Assert.Contains("column 'End User HQ' (did you mean end_user_hq_country?) is not one ChipScreen reads", err);
        (code, var output, _) = Run([.. args, "--ignore-column", "End User HQ"]);
        Assert.Equal(0, code);
        Assert.Contains("1 of 1 lines change", output);
    }

    [Theory]
    [InlineData(true, "{0}: is a directory; give the order file (CSV)")]
    [InlineData(false, "{0}: no such file")]
    public void Diff_AnOrderPathThatIsNotAFile_Exits2_SayingWhatScreenSays(bool directory, string message)
    {
        using var dir = new TempDir();
        var path = dir.File("orders");
        if (directory)
            Directory.CreateDirectory(path);
        var (code, _, err) = Run("rules", "diff", "--from", "ai-diffusion-2025", "--to", "us-2026", path, "--rules", Repo.Rules);
        Assert.Equal(2, code);
        Assert.Contains(string.Format(message, path), err);
        var (screenCode, _, screenErr) = Run("screen", path, "--rules", Repo.Rules, "--out", dir.File("out"));
        Assert.Equal(2, screenCode);
        Assert.Equal(screenErr, err);
    }

    [Fact]
    public void Diff_AnUnknownPack_Exits2()
    {
        var (code, _, err) = Run("rules", "diff", "--from", "ai-diffusion-2025", "--to", "us-2099", Path.Combine(Repo.Samples, "apac-distributor-2026-h1.csv"), "--rules", Repo.Rules);
        Assert.Equal(2, code);
        Assert.Contains("us-2099", err);
    }

    [Theory]
    [InlineData("2024-06-01", "ac-2023", "in force from 2023-11-17 until 2025-01-13")]
    [InlineData("2025-06-01", "ai-diffusion-2025", "in force from 2025-01-13 until 2026-01-15")]
    [InlineData("2026-06-01", "us-2026", "in force from 2026-01-15 on")]
    public void TheSameBatch_IsScreenedUnderThePackInForceOnItsAsOfDate_AndReportJsonNamesIt(string asOf, string pack, string inForce)
    {
        using var dir = new TempDir();
        var (code, output, _) = Run("screen", Path.Combine(Repo.Samples, "apac-distributor-2026-h1.csv"), "--rules", Repo.Rules, "--as-of", asOf, "--out", dir.File("out"));
        Assert.Equal(0, code);
        Assert.Contains(pack, output);
        using var report = JsonDocument.Parse(File.ReadAllText(dir.File("out/report.json")));
        Assert.Equal(pack, report.RootElement.GetProperty("pack").GetProperty("id").GetString());
        Assert.Equal(asOf, report.RootElement.GetProperty("as_of").GetString());
        Assert.True(report.RootElement.GetProperty("pack").GetProperty("in_force_on_as_of").GetBoolean());
        Assert.DoesNotContain("not on the as-of date", output);
        var html = File.ReadAllText(dir.File("out/report.html"));
        Assert.DoesNotContain("pack-warning", html);
        // The provenance gives the pack's dates as the warnings do: effective_to is the first day it is no longer in force.
        Assert.Matches($"<tr><th>Rule pack</th><td>{pack} [^<]*\\({inForce}\\)</td></tr>", html);
    }

    [Theory]
    [InlineData("2025-09-30", 50, "2026-01-15", "pack ai-diffusion-2025 ends", "2026-01-20")]
    [InlineData("2026-01-20", 48, "2026-02-03", "dated group change 2026-02-03 D:5 -KH (BIS, 2026-02-03: Cambodia removed from Country Group D:5 (it stays in D:1))", "2026-02-09")]
    [InlineData("2026-02-10", 0, null, null, null)]
    public void LinesShippingAfterTheRulesChange_AreCountedAndWarnedOf_InTheSummaryReportJsonAndReportHtml(string asOf, int lines, string? changeOn, string? change, string? first)
    {
        // The APAC sample ships from 2026-01-20 to 2026-06-30: forward orders, for an ERP that screens them today.
        using var dir = new TempDir();
        var (code, output, _) = Run("screen", Path.Combine(Repo.Samples, "apac-distributor-2026-h1.csv"), "--rules", Repo.Rules, "--as-of", asOf, "--out", dir.File("out"));
        Assert.Equal(0, code);
        using var report = JsonDocument.Parse(File.ReadAllText(dir.File("out/report.json")));
        var after = report.RootElement.GetProperty("counts").GetProperty("shipping_after_rules_change");
        Assert.Equal(lines, after.GetProperty("lines").GetInt32());
        Assert.Equal(changeOn, after.GetProperty("rules_change_on").GetString());
        Assert.Equal(change, after.GetProperty("rules_change").GetString());
        Assert.Equal(first, after.GetProperty("first_ship_date").GetString());
        var html = File.ReadAllText(dir.File("out/report.html"));
        if (lines == 0)
        {
            Assert.DoesNotContain("WARNING", output);
            Assert.DoesNotContain("ship-date-warning", html);
            return;
        }
        Assert.Equal("2026-06-30", after.GetProperty("last_ship_date").GetString());
        var warning = $"{lines} lines ship from {first} to 2026-06-30, on or after {changeOn}, when the rules of this run change ({change}): their decisions hold for the as-of date {asOf}; screen them again as of the ship date before shipping";
        Assert.Contains("WARNING: " + warning, output);
        Assert.Contains($"<p id=\"ship-date-warning\" class=\"warn\" role=\"alert\">Warning: {System.Net.WebUtility.HtmlEncode(warning).Replace("&#39;", "'", StringComparison.Ordinal)}.</p>", html);
    }

    [Fact]
    public void APackNamedOutsideItsDates_Screens_ButTheSummaryReportJsonAndReportHtmlSaySo()
    {
        using var dir = new TempDir();
        var (code, output, _) = Run("screen", Path.Combine(Repo.Samples, "apac-distributor-2026-h1.csv"), "--rules", Repo.Rules,
            "--pack", "ac-2023", "--as-of", "2026-06-01", "--out", dir.File("out"));
        Assert.Equal(0, code);
        const string warning = "pack ac-2023 is in force from 2023-11-17 until 2025-01-13, not on the as-of date 2026-06-01: these decisions follow its rules, not the rules in force on that date";
        Assert.Contains("WARNING: " + warning, output);
        using var report = JsonDocument.Parse(File.ReadAllText(dir.File("out/report.json")));
        Assert.False(report.RootElement.GetProperty("pack").GetProperty("in_force_on_as_of").GetBoolean());
        Assert.Contains($"<p id=\"pack-warning\" class=\"warn\" role=\"alert\">Warning: {warning}.</p>", File.ReadAllText(dir.File("out/report.html")));
    }
}
