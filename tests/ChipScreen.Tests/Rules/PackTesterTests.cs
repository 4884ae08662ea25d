using ChipScreen.Rules;
using ChipScreen.Screening;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Rules;

/// <summary><see cref="PackTester"/> (<c>chipscreen rules test</c>): each shipped pack passes its own tests and has a test
/// for every rule; a failing case shows expected versus actual with the reasons.</summary>
public class PackTesterTests
{
    [Theory]
    [InlineData("ac-2023")]
    [InlineData("ai-diffusion-2025")]
    [InlineData("us-2026")]
    public void ShippedPack_PassesItsTests_AndEveryRuleHasOne(string pack)
    {
        var outcome = Assert.Single(PackTester.Run(Repo.Rules, pack).Packs);
        Assert.Empty(outcome.Errors);
        Assert.True(outcome.Failed == 0, PackTester.Run(Repo.Rules, pack).ToText());
        Assert.Empty(outcome.Uncovered);
        Assert.True(outcome.Passed >= 25);
    }

    [Fact]
    public void AFailingCase_ShowsExpectedVersusActual_WithTheReasons()
    {
        using var rules = TempDir.WithRules();
        // The case "K1: an H20 to Venezuela (D:5) needs a license", sent to Germany instead.
        rules.Edit("us-2026/tests/decision-table.json", "\"order_id\": \"T-K1b\",\n        \"line\": 1,\n        \"sku\": \"H20-96GB\",\n        \"quantity\": 1,\n        \"destination_country\": \"VE\"",
            "\"order_id\": \"T-K1b\",\n        \"line\": 1,\n        \"sku\": \"H20-96GB\",\n        \"quantity\": 1,\n        \"destination_country\": \"DE\"");
        var run = PackTester.Run(rules.Rules, "us-2026");
        var failed = Assert.Single(run.Packs[0].Results, r => !r.Passed);
        Assert.Equal(["decision: expected LICENSE_REQUIRED, got NLR", "tier: expected 3, got 1", "rule_ids: expected K1, got N1"], failed.Differences);
        Assert.Equal(Decision.Nlr, failed.Actual.Decision);
        var text = run.ToText();
        Assert.Contains("FAIL  us-2026/tests/decision-table.json:", text);
        Assert.Contains("K1: an H20 to Venezuela (D:5) needs a license", text);
        Assert.Contains("expected: LICENSE_REQUIRED (no exception), eccn none, tier 3, rules K1", text);
        Assert.Contains("actual:   NLR (no exception), eccn none, tier 1, rules N1", text);
        Assert.Contains("reason:   N1 [", text);
        Assert.EndsWith($"{run.Packs[0].Results.Count - 1} passed, 1 failed, 0 errors\n", text); // every other case of the pack still passes
    }

    [Fact]
    public void ARuleWithoutATest_Fails()
    {
        using var rules = TempDir.WithRules();
        File.Delete(Path.Combine(rules.Rules, "ac-2023", "tests", "parties.json"));
        var outcome = PackTester.Run(rules.Rules, "ac-2023").Packs[0];
        Assert.Equal(["P1", "P2", "P3", "P4", "P5", "P6"], outcome.Uncovered);
        Assert.Equal(6, outcome.Failed);
    }

    [Fact]
    public void ATestFileWithAMistake_IsAnError_NamingFileAndPosition_AndNothingRuns()
    {
        using var rules = TempDir.WithRules();
        rules.Edit("ac-2023/tests/decision-table.json", "\"L1\"", "\"L2\"");
        var run = PackTester.Run(rules.Rules, "ac-2023");
        Assert.Empty(run.Packs[0].Results);
        Assert.Contains(run.Packs[0].Errors, e => e.Code == PackErrorCodes.PackTestInvalid && e.Message.Contains("expects rule L2, which pack ac-2023 does not have") && e.Line is not null);
        Assert.True(run.Errors > 0);

        using var misspelt = TempDir.WithRules();
        misspelt.Edit("ac-2023/tests/decision-table.json", "\"destination_country\": \"VN\"", "\"destination_countri\": \"VN\"");
        var misspeltRun = PackTester.Run(misspelt.Rules, "ac-2023");
        var error = misspeltRun.Packs[0].Errors[0];
        Assert.EndsWith($"0 passed, 0 failed, {misspeltRun.Errors} errors\n", misspeltRun.ToText(verbose: false));

        using var undated = TempDir.WithRules();
        undated.Edit("ac-2023/tests/decision-table.json", "\"as_of\": \"2024-06-01\"", "\"as_of\": \"June 2024\"");
        var undatedRun = PackTester.Run(undated.Rules, "ac-2023");
        Assert.Equal(1, undatedRun.Errors);
        Assert.EndsWith("0 passed, 0 failed, 1 error\n", undatedRun.ToText(verbose: false));
        Assert.Equal((PackErrorCodes.PackTestInvalid, "ac-2023/tests/decision-table.json"), (error.Code, error.File));
        Assert.StartsWith("\"destination_countri\" is not an order field", error.Message);
        Assert.NotNull(error.Column);
    }

    [Theory]
    [InlineData("\"as_of\": \"2024-06-01\"", "\"as-of\": \"2024-06-01\"", "as-of")]
    [InlineData("\"expect\": {", "\"expect\": { \"teir\": 1,", "teir")]
    public void AMisspeltKeyInATestFile_IsAnError_NotACaseThatPassesWhateverThePackDecides(string find, string replace, string key)
    {
        using var rules = TempDir.WithRules();
        rules.Edit("ac-2023/tests/decision-table.json", find, replace);
        var run = PackTester.Run(rules.Rules, "ac-2023");
        Assert.Empty(run.Packs[0].Results);
        Assert.Contains(run.Packs[0].Errors, e => e.Code == PackErrorCodes.SchemaViolation && e.Message.Contains($"unknown property \"{key}\"", StringComparison.Ordinal));
    }

    [Fact]
    public void APackThatDoesNotLoad_IsAnError()
    {
        using var rules = TempDir.WithRules();
        rules.Edit("ac-2023/classification.json", "\"non_datacenter_tpp_min\": 4800", "\"non_datacenter_tpp_min\": -1");
        var run = PackTester.Run(rules.Rules);
        Assert.Contains(run.Packs, p => p.PackId == "ac-2023" && p.Errors.Count > 0);
        Assert.Contains(run.Packs, p => p.PackId == "us-2026" && p.Errors.Count > 0); // it builds on ac-2023
        Assert.Contains(run.Packs, p => p.PackId == "ai-diffusion-2025" && p.Errors.Count == 0 && p.Failed == 0);
    }

    [Fact]
    public void Json_ListsEveryCaseWithItsActualDecisionAndReasons()
    {
        using var json = System.Text.Json.JsonDocument.Parse(PackTester.Run(Repo.Rules, "us-2026").ToJson());
        Assert.Equal(0, json.RootElement.GetProperty("failed").GetInt32());
        var pack = json.RootElement.GetProperty("packs")[0];
        var k2 = pack.GetProperty("cases").EnumerateArray().First(c => c.GetProperty("name").GetString()!.StartsWith("K2:", StringComparison.Ordinal));
        Assert.Equal("LICENSE_REQUIRED", k2.GetProperty("actual").GetProperty("decision").GetString());
        Assert.StartsWith("K2 [91 FR 1684", k2.GetProperty("actual").GetProperty("reasons")[0].GetString());
    }
}
