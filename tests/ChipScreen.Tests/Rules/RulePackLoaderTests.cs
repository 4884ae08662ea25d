using ChipScreen.Rules;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Rules;

/// <summary>A broken rule file stops loading with its file, position and a message that says what to fix.</summary>
public class RulePackLoaderTests
{
    private const string Pack = "ai-diffusion-2025";
    private const string Workflow = "ai-diffusion-2025/workflows/decision-table.json";
    private static readonly DateOnly AsOf = new(2025, 12, 31);

    internal static PackError LoadFails(TempDir rules, string code)
    {
        var e = Assert.Throws<RulePackException>(() => RulePackLoader.Load(rules.Rules, Pack, AsOf));
        var error = e.Errors.FirstOrDefault(x => x.Code == code);
        Assert.True(error is not null, $"expected a {code} error, got: {e.Message}");
        return error!;
    }

    [Fact]
    public void ShippedPack_Loads()
    {
        var pack = RulePackLoader.Load(Repo.Rules, Pack, AsOf);
        Assert.Equal(26, pack.RuleDefinitions.Count);
        Assert.Equal(["E1", "D1", "D2", "H1", "H2", "U1", "F1", "F2", "A0", "A1", "A2", "A3", "A4", "A5", "A6", "C1", "C2", "B1", "B2", "N1",
                      "P1", "P2", "P3", "P4", "P5", "P6"],
            pack.RuleDefinitions.Select(r => r.Id));
        Assert.Contains(pack.Files, f => f.Path == Workflow && f.Sha256.Length == 64);
        Assert.Contains(pack.Manifest.Sources, s => s.Citation == "90 FR 4544");
    }

    [Fact]
    public void EveryRule_HasADecisionCitationAndMessage() =>
        Assert.All(RulePackLoader.Load(Repo.Rules, Pack, AsOf).RuleDefinitions, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Citation));
            Assert.Contains("{", r.MessageTemplate);
            Assert.NotNull(r.Line);
        });

    [Fact]
    public void WithoutPackId_ThePackInForceOnTheDateIsUsed()
    {
        Assert.Equal(Pack, RulePackLoader.Load(Repo.Rules, null, new DateOnly(2025, 6, 1)).Id);
        var e = Assert.Throws<RulePackException>(() => RulePackLoader.Load(Repo.Rules, null, new DateOnly(2020, 1, 1)));
        Assert.Equal(PackErrorCodes.NoPackInForce, e.Errors.Single().Code);
    }

    [Fact]
    public void UnknownPack_NamesThePacksThereAre()
    {
        var e = Assert.Throws<RulePackException>(() => RulePackLoader.Load(Repo.Rules, "ai-diffusion-2099", AsOf));
        Assert.Contains("ai-diffusion-2025", e.Message);
    }

    [Fact]
    public void JsonSyntaxError_NamesFileAndLine()
    {
        using var rules = TempDir.WithRules();
        rules.Edit(Workflow, "\"RuleName\": \"A4\",", "\"RuleName\": \"A4\"");
        var error = LoadFails(rules, PackErrorCodes.JsonSyntax);
        Assert.Equal(Workflow, error.File);
        var expectedLine = File.ReadAllLines(Path.Combine(rules.Rules, Workflow)).ToList().FindIndex(l => l.Contains("\"RuleName\": \"A4\"")) + 2;
        Assert.Equal(expectedLine, error.Line);
        Assert.Contains($"{Workflow}:{expectedLine}:", error.ToString());
    }

    [Fact]
    public void ExpressionThatDoesNotCompile_NamesFileRuleAndPosition()
    {
        using var rules = TempDir.WithRules();
        rules.Edit(Workflow, "\"Expression\": \"lppScope && line.Volume.ConsigneeYearFits\"", "\"Expression\": \"lppScope && line.Volume.ConsigneeYearFitz\"");
        var error = LoadFails(rules, PackErrorCodes.ExpressionInvalid);
        Assert.Equal(("A4", Workflow), (error.RuleId, error.File));
        Assert.Contains("ConsigneeYearFitz", error.Message);
        Assert.NotNull(error.Line);
        Assert.NotNull(error.Column);
    }

    [Fact]
    public void ExpressionThatIsNotBoolean_IsRejected()
    {
        using var rules = TempDir.WithRules();
        rules.Edit(Workflow, "\"Expression\": \"line.HasDataErrors\"", "\"Expression\": \"line.Chip.Tpp\"");
        Assert.Equal("D1", LoadFails(rules, PackErrorCodes.ExpressionInvalid).RuleId);
    }

    [Theory]
    [InlineData("line.GetType().Assembly != null")]
    [InlineData("line.Chip.Tpp.GetType().Name == \\\"Decimal\\\"")]
    public void ReflectionInAnExpression_IsRejectedByName(string expression)
    {
        using var rules = TempDir.WithRules();
        rules.Edit(Workflow, "\"Expression\": \"line.HasDataErrors\"", $"\"Expression\": \"{expression}\"");
        LoadFails(rules, PackErrorCodes.ExpressionForbidden);
        var e = Assert.Throws<RulePackException>(() => RulePackLoader.Load(rules.Rules, Pack, AsOf));
        Assert.Contains(e.Errors, x => x.Code == PackErrorCodes.ExpressionForbidden && x.RuleId == "D1" && x.Message.Contains("calls System.Object.GetType"));
    }

    [Theory]
    [InlineData("System.IO.File.Exists(\\\"/etc/passwd\\\")")]
    [InlineData("Environment.GetEnvironmentVariable(\\\"HOME\\\") != null")]
    public void IoAndEnvironment_AreNotReachable(string expression)
    {
        using var rules = TempDir.WithRules();
        rules.Edit(Workflow, "\"Expression\": \"line.HasDataErrors\"", $"\"Expression\": \"{expression}\"");
        Assert.Equal("D1", LoadFails(rules, PackErrorCodes.ExpressionInvalid).RuleId);
    }

    [Fact]
    public void UnknownGroupName_IsRejected()
    {
        using var rules = TempDir.WithRules();
        rules.Edit(Workflow, "line.Destination.In(\\\"D:1\\\")", "line.Destination.In(\\\"D1\\\")");
        var error = LoadFails(rules, PackErrorCodes.UnknownGroup);
        Assert.Equal("B2", error.RuleId);
        Assert.Contains("\"D1\"", error.Message);
    }

    [Fact]
    public void UnknownTermList_IsRejected()
    {
        using var rules = TempDir.WithRules();
        rules.Edit(Workflow, "line.EndUseMentions(\\\"red_flags\\\")\"", "line.EndUseMentions(\\\"redflags\\\")\"");
        Assert.Contains("redflags", LoadFails(rules, PackErrorCodes.UnknownTermList).Message);
    }

    [Fact]
    public void DuplicateRuleId_IsRejected()
    {
        using var rules = TempDir.WithRules();
        rules.Edit(Workflow, "\"RuleName\": \"A5\"", "\"RuleName\": \"A4\"");
        var error = LoadFails(rules, PackErrorCodes.DuplicateRuleId);
        Assert.Equal("A4", error.RuleId);
        Assert.Contains("already used at", error.Message);
    }

    [Fact]
    public void DecisionOutsideTheContract_IsRejected()
    {
        using var rules = TempDir.WithRules();
        rules.Edit(Workflow, "\"decision\": \"HOLD\",\n          \"citation\": \"ChipScreen review policy; red flags", "\"decision\": \"STOP\",\n          \"citation\": \"ChipScreen review policy; red flags");
        var error = LoadFails(rules, PackErrorCodes.DecisionInvalid);
        Assert.Equal("F2", error.RuleId);
        Assert.Contains("STOP", error.Message);
    }

    [Fact]
    public void ExceptionOutsideTheContract_IsRejected()
    {
        using var rules = TempDir.WithRules();
        rules.Edit(Workflow, "\"exception\": \"AIA\"", "\"exception\": \"GBS\"");
        Assert.Equal("A2", LoadFails(rules, PackErrorCodes.ExceptionInvalid).RuleId);
    }

    [Fact]
    public void MessagePlaceholderThatDoesNotCompile_IsRejected()
    {
        using var rules = TempDir.WithRules();
        rules.Edit(Workflow, "{line.Where}: {line.DataErrors}", "{line.Where}: {line.DataErrorz}");
        var error = LoadFails(rules, PackErrorCodes.ExpressionInvalid);
        Assert.Equal("D1", error.RuleId);
        Assert.Contains("message placeholder", error.Message);
    }

    [Fact]
    public void UnbalancedBraceInAMessage_IsRejected()
    {
        using var rules = TempDir.WithRules();
        rules.Edit(Workflow, "{line.Where}: {line.DataErrors}", "{line.Where: {line.DataErrors}");
        Assert.Equal("D1", LoadFails(rules, PackErrorCodes.MessageInvalid).RuleId);
    }

    [Fact]
    public void NonIsoCodeInAGroup_NamesFileAndPosition()
    {
        using var rules = TempDir.WithRules();
        rules.Edit("ai-diffusion-2025/country-groups.json", "\"A:6\": [\"AL\",", "\"A:6\": [\"XX\", \"AL\",");
        var error = LoadFails(rules, PackErrorCodes.UnknownCountry);
        Assert.Equal("ai-diffusion-2025/country-groups.json", error.File);
        Assert.Contains("XX", error.Message);
        Assert.NotNull(error.Column);
    }

    [Fact]
    public void CountryInTwoTiers_IsRejected()
    {
        using var rules = TempDir.WithRules();
        rules.Edit("ai-diffusion-2025/tiers.json", "\"countries\": [\"US\",", "\"countries\": [\"CN\", \"US\",");
        Assert.Contains("CN is in tier 1 and tier 3", LoadFails(rules, PackErrorCodes.CountryInTwoTiers).Message);
    }

    [Fact]
    public void ThresholdsOutOfOrder_AreRejected()
    {
        using var rules = TempDir.WithRules();
        rules.Edit("ai-diffusion-2025/classification.json", "\"tpp_min\": 2400, \"tpp_below\": 4800", "\"tpp_min\": 2400, \"tpp_below\": 2000");
        Assert.Contains("tpp_below 2000", LoadFails(rules, PackErrorCodes.ThresholdsOutOfOrder).Message);
    }

    [Fact]
    public void CatalogEntryWithoutTpp_IsRejected()
    {
        using var rules = TempDir.WithRules();
        rules.Edit("catalog/chips.json", "\"tpp\": 15832,\n      \"die_area_mm2\": 814,\n      \"datacenter\": true,\n      \"chips_per_unit\": 1,\n      \"memory_bandwidth_gbs\": 3350,",
            "\"die_area_mm2\": 814,\n      \"datacenter\": true,\n      \"chips_per_unit\": 1,\n      \"memory_bandwidth_gbs\": 3350,");
        var error = LoadFails(rules, PackErrorCodes.MissingValue);
        Assert.Equal("catalog/chips.json", error.File);
        Assert.Contains("tpp", error.Message);
    }

    [Fact]
    public void ManyMistakes_AreAllReportedAtOnce_SortedByFileAndLine()
    {
        using var rules = TempDir.WithRules();
        rules.Edit(Workflow, "\"exception\": \"AIA\"", "\"exception\": \"GBS\"");
        rules.Edit(Workflow, "\"RuleName\": \"A5\"", "\"RuleName\": \"A4\"");
        rules.Edit("ai-diffusion-2025/country-groups.json", "\"A:6\": [\"AL\",", "\"A:6\": [\"XX\", \"AL\",");
        var e = Assert.Throws<RulePackException>(() => RulePackLoader.Load(rules.Rules, Pack, AsOf));
        Assert.True(e.Errors.Count >= 3);
        Assert.Equal(e.Errors.OrderBy(x => x.File, StringComparer.Ordinal).ThenBy(x => x.Line), e.Errors);
    }
}
