using ChipScreen.Parties;
using ChipScreen.Rules;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Parties;

/// <summary>A pack's parties.json and its lists load with the pack; their mistakes are pack errors naming file and line.</summary>
public class PartyConfigTests
{
    private const string Pack = "ai-diffusion-2025";
    private static readonly DateOnly AsOf = new(2025, 12, 31);

    private static PackError LoadFails(TempDir rules, string code) => ChipScreen.Tests.Rules.RulePackLoaderTests.LoadFails(rules, code);

    [Fact]
    public void ShippedPack_HashesItsListWithItsFiles()
    {
        var pack = RulePackLoader.Load(Repo.Rules, Pack, AsOf);
        Assert.Contains(pack.Files, f => f.Path == "lists/entity-list-ai-chips.json" && f.Sha256.Length == 64);
        Assert.Contains(pack.Files, f => f.Path == "ai-diffusion-2025/parties.json");
        Assert.Contains(pack.Files, f => f.Path == "ai-diffusion-2025/workflows/parties.json");
    }

    [Fact]
    public void AddingLists_ChangesTheRevision()
    {
        var pack = RulePackLoader.Load(Repo.Rules, Pack, AsOf);
        var more = pack.WithPartyLists(PartyListReader.Read([Path.Combine(Repo.Data, "lists", "csl-sample-2025.csv")]));
        Assert.NotEqual(pack.Revision, more.Revision);
        Assert.Equal(pack.Parties.Lists.Entries.Count + 13, more.Parties.Lists.Entries.Count);
        Assert.Equal(pack.Parties.Thresholds, more.Parties.Thresholds);
    }

    [Fact]
    public void MalformedPackList_NamesFileAndRow()
    {
        using var rules = TempDir.WithRules();
        rules.Edit("lists/entity-list-ai-chips.json", "\"id\": \"el-smic\",\n      \"list\": \"entity_list\"", "\"id\": \"el-smic\",\n      \"list\": \"entity_lists\"");
        var error = LoadFails(rules, PackErrorCodes.PartyListInvalid);
        Assert.Equal("lists/entity-list-ai-chips.json", error.File);
        Assert.Equal(88, error.Line);
        Assert.StartsWith("row 5:", error.Message);
        Assert.Contains("\"entity_lists\" is not a list code", error.Message);
    }

    [Theory]
    [InlineData("\"Presumption of denail.\"", "\"Presumption of denail.\" is not a license review policy ChipScreen can read")]
    [InlineData("\"\"", "\"license_policy\" is missing")]
    public void AnEntityListPolicyThatCannotBeRead_IsRefused_SinceItWouldTurnADenialIntoALicense(string written, string message)
    {
        // A typo read as an unknown policy made Huawei LICENSE_REQUIRED (P3) instead of PROHIBITED (P2), and validate passed it.
        using var rules = TempDir.WithRules();
        rules.Edit("lists/entity-list-ai-chips.json", "\"license_policy\": \"Presumption of denial.\"", "\"license_policy\": " + written);
        var error = LoadFails(rules, PackErrorCodes.PartyListInvalid);
        Assert.Equal("lists/entity-list-ai-chips.json", error.File);
        Assert.Contains(message, error.Message);
        Assert.Contains("P3, LICENSE_REQUIRED", error.Message);
    }

    [Fact]
    public void ThresholdsOutOfOrder_AreRejected()
    {
        using var rules = TempDir.WithRules();
        rules.Edit("ai-diffusion-2025/parties.json", "\"review_threshold\": 75", "\"review_threshold\": 95");
        Assert.Contains("review 95, match 88", LoadFails(rules, PackErrorCodes.ThresholdsOutOfOrder).Message);
    }

    [Fact]
    public void MissingList_IsRejected()
    {
        using var rules = TempDir.WithRules();
        rules.Edit("ai-diffusion-2025/parties.json", "lists/entity-list-ai-chips.json", "lists/no-such-list.json");
        Assert.Equal("ai-diffusion-2025/parties.json", LoadFails(rules, PackErrorCodes.FileMissing).File);
    }

    [Fact]
    public void RuleNamingAnUnknownList_IsRejected()
    {
        using var rules = TempDir.WithRules();
        rules.Edit("ai-diffusion-2025/workflows/parties.json", "line.Parties.Matches(\\\"unverified\\\")", "line.Parties.Matches(\\\"unverifed\\\")");
        var error = LoadFails(rules, PackErrorCodes.ExpressionForbidden);
        Assert.Equal("P4", error.RuleId);
        Assert.Contains("\"unverifed\"", error.Message);
    }

    [Fact]
    public void PackWithoutPartiesJson_ScreensAgainstNoList()
    {
        using var rules = TempDir.WithRules();
        File.Delete(Path.Combine(rules.Rules, "ai-diffusion-2025", "parties.json"));
        var pack = RulePackLoader.Load(rules.Rules, Pack, AsOf);
        Assert.Equal(0, pack.Parties.NameCount);
        Assert.Equal("N1", Screen.Batch(pack, Screen.Line("CN", tpp: 1000, die: 500, endUser: "Huawei Technologies Co., Ltd."))[0].RuleIds);
    }
}
