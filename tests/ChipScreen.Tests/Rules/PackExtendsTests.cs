using ChipScreen.Orders;
using ChipScreen.Rules;
using ChipScreen.Runs;
using ChipScreen.Screening;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Rules;

/// <summary>Dated packs and packs that extend others: us-2026 builds on ac-2023 with only the files it changes; the pack
/// in force on the as-of date is chosen; base and override files are both hashed and verified.</summary>
public class PackExtendsTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 1);

    [Theory]
    [InlineData("2023-11-16", null)]
    [InlineData("2023-11-17", "ac-2023")]
    [InlineData("2024-06-01", "ac-2023")]
    [InlineData("2025-01-12", "ac-2023")]
    [InlineData("2025-01-13", "ai-diffusion-2025")]
    [InlineData("2025-06-01", "ai-diffusion-2025")]
    [InlineData("2026-01-14", "ai-diffusion-2025")]
    [InlineData("2026-01-15", "us-2026")]
    [InlineData("2026-06-01", "us-2026")]
    public void WithoutAPackId_ThePackInForceOnTheAsOfDateIsChosen(string asOf, string? expected)
    {
        var date = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture);
        if (expected is null)
            Assert.Equal(PackErrorCodes.NoPackInForce, Assert.Throws<RulePackException>(() => RulePackLoader.Choose(Repo.Rules, date)).Errors.Single().Code);
        else
            Assert.Equal(expected, RulePackLoader.Choose(Repo.Rules, date));
    }

    [Fact]
    public void EveryShippedPack_ExplainsItsDatesAndCitesTheFederalRegister()
    {
        var manifests = RulePackLoader.List(Repo.Rules).ToDictionary(m => m.Id);
        Assert.Contains(manifests["ac-2023"].Sources, s => s.Citation == "88 FR 73458");
        Assert.Contains(manifests["ai-diffusion-2025"].Sources, s => s.Citation == "90 FR 4544");
        Assert.Contains(manifests["us-2026"].Sources, s => s.Citation == "91 FR 1684");
        Assert.Contains(manifests["us-2026"].Sources, s => s.Citation.StartsWith("BIS", StringComparison.Ordinal));
        Assert.All(manifests.Values, m => Assert.Contains("Dates:", m.Description));
        Assert.Equal("ac-2023", manifests["us-2026"].Extends);
        // The windows follow one another without a gap.
        Assert.Equal(manifests["ac-2023"].EffectiveTo, manifests["ai-diffusion-2025"].EffectiveFrom);
        Assert.Equal(manifests["ai-diffusion-2025"].EffectiveTo, manifests["us-2026"].EffectiveFrom);
    }

    [Fact]
    public void AnExtendingPack_ReplacesRulesInPlace_AddsNewOnes_AndTakesTheBaseFilesItDoesNotHave()
    {
        var baseRules = RulePackLoader.Load(Repo.Rules, "ac-2023", AsOf).RuleDefinitions.Select(r => r.Id).ToList();
        var pack = RulePackLoader.Load(Repo.Rules, "us-2026", AsOf);
        var ids = pack.RuleDefinitions.Select(r => r.Id).ToList();
        Assert.Equal(baseRules.IndexOf("A1"), ids.IndexOf("A1"));
        Assert.Equal("us-2026/workflows/decision-table.json", pack.RuleDefinitions.Single(r => r.Id == "A1").File);
        Assert.Equal(["E1", "D1", "D2", "H1", "H2", "U1", "F1", "F2", "A0", "A1", "L1", "C1", "C2", "B1", "B2", "N1", "P1", "P2", "P3", "P4", "P5", "P6"], baseRules);
        Assert.Equal(["E1", "D1", "D2", "H1", "H2", "U1", "F1", "F2", "A0", "A1", "L1", "C1", "C2", "B1", "B2", "N1", "K1", "K2", "K3", "P1", "P2", "P3", "P4", "P5", "P6"], ids);
        Assert.Contains(pack.Files, f => f.Path == "ac-2023/classification.json");
        Assert.Contains(pack.Files, f => f.Path == "ac-2023/country-groups.json");
        Assert.Contains(pack.Files, f => f.Path == "ac-2023/tiers.json");
        Assert.Contains(pack.Files, f => f.Path == "ac-2023/workflows/decision-table.json");
        Assert.Contains(pack.Files, f => f.Path == "us-2026/group-changes.json");
        Assert.Contains(pack.Files, f => f.Path == "us-2026/workflows/decision-table.json");
    }

    [Theory]
    [InlineData("2026-01-20", 3, 2, "D:5", "D:4")]  // before both changes
    [InlineData("2026-02-03", 2, 2, "D:1", "D:4")]  // Cambodia left D:5
    [InlineData("2026-06-01", 2, 2, "D:1", "D:4")]
    [InlineData("2026-07-10", 2, 1, "D:1", "A:5")]  // the UAE left D:4 and joined A:5
    public void DatedGroupChanges_ApplyFromTheirDate_AndTheTiersFollow(string asOf, int cambodiaTier, int uaeTier, string cambodiaIn, string uaeIn)
    {
        var date = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture);
        var pack = RulePackLoader.Load(Repo.Rules, "us-2026", date);
        Assert.Equal((cambodiaTier, uaeTier), (pack.Countries.PlaceOf("KH").Tier, pack.Countries.PlaceOf("AE").Tier));
        Assert.True(pack.Countries.PlaceOf("KH").In(cambodiaIn));
        Assert.True(pack.Countries.PlaceOf("AE").In(uaeIn));
        Assert.Equal(uaeTier == 1, !pack.Countries.PlaceOf("AE").In("D:4"));
        Assert.True(pack.Serves(date));
        Assert.Equal(3, pack.Countries.Changes.Count);
        Assert.All(pack.Countries.Changes, c => Assert.StartsWith("BIS", c.Source, StringComparison.Ordinal));
    }

    [Fact]
    public void ADatedChange_GivesANewRevision_AndAPackLoadedBeforeItNoLongerServesAfterIt()
    {
        var before = RulePackLoader.Load(Repo.Rules, "us-2026", new DateOnly(2026, 6, 1));
        var after = RulePackLoader.Load(Repo.Rules, "us-2026", new DateOnly(2026, 7, 10));
        Assert.NotEqual(before.Revision, after.Revision);
        Assert.Equal(new DateOnly(2026, 7, 10), before.Countries.NextChange);
        Assert.False(before.Serves(new DateOnly(2026, 7, 10)));
        Assert.False(after.Serves(new DateOnly(2026, 6, 1)));
        Assert.Equal(before.Revision, RulePackLoader.Load(Repo.Rules, "us-2026", new DateOnly(2026, 2, 3)).Revision);
    }

    [Theory]
    [InlineData("ai-diffusion-2025", "2025-09-30", "2026-01-15", "pack ai-diffusion-2025 ends")]
    [InlineData("us-2026", "2026-01-20", "2026-02-03", "dated group change 2026-02-03 D:5 -KH (BIS, 2026-02-03: Cambodia removed from Country Group D:5 (it stays in D:1))")]
    [InlineData("us-2026", "2026-06-01", "2026-07-10", "dated group change 2026-07-10 D:4 -AE (BIS, reported 2026-07-10: United Arab Emirates removed from Country Group D:4); 2026-07-10 A:5 +AE (BIS, reported 2026-07-10: United Arab Emirates added to Country Group A:5)")]
    [InlineData("us-2026", "2026-07-10", null, null)] // open-ended, and no change after
    public void NextChange_IsThePacksNextDatedGroupChangeOrItsEnd_WhicheverComesFirst(string packId, string asOf, string? on, string? what)
    {
        var pack = RulePackLoader.Load(Repo.Rules, packId, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(on, pack.NextChange?.On.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(what, pack.NextChange?.What);
    }

    [Fact]
    public void ABaseFileEdit_ChangesTheExtendingPacksRevision()
    {
        using var rules = TempDir.WithRules();
        var before = RulePackLoader.Load(rules.Rules, "us-2026", AsOf).Revision;
        rules.Edit("ac-2023/end-use-terms.json", "\"nuclear\"]", "\"nuclear\", \"drone\"]");
        Assert.NotEqual(before, RulePackLoader.Load(rules.Rules, "us-2026", AsOf).Revision);
    }

    [Fact]
    public void ADisabledRule_RemovesTheBaseRule()
    {
        using var rules = TempDir.WithRules();
        rules.Edit("us-2026/workflows/decision-table.json", "\"Rules\": [", "\"Rules\": [ { \"RuleName\": \"F2\", \"Enabled\": false },");
        var pack = RulePackLoader.Load(rules.Rules, "us-2026", AsOf);
        Assert.DoesNotContain(pack.RuleDefinitions, r => r.Id == "F2");
        var line = new OrderLine { OrderId = "T", Line = "1", Sku = "L20-48GB", Quantity = 1, DestinationCountry = "DE", EndUser = "X", EndUse = "military logistics" };
        Assert.Equal(Decision.Nlr, new BatchScreener(pack, 1).ScreenOne(line, AsOf).Decision);
    }

    [Fact]
    public void Verify_RechecksTheBaseFilesOfAnExtendingPack()
    {
        using var dir = TempDir.WithRules();
        var input = dir.Write("orders.csv", File.ReadAllText(Path.Combine(Repo.Samples, "apac-distributor-2026-h1.csv")));
        var request = new RunRequest(input, dir.Rules, null, AsOf, dir.File("out"));
        var screening = new FileScreening(TimeProvider.System);
        screening.Run(request, screening.LoadPack(request));
        Assert.True(new RunVerifier(TimeProvider.System).Verify(dir.File("out")).Holds);

        dir.Edit("ac-2023/classification.json", "\"non_datacenter_tpp_min\": 4800", "\"non_datacenter_tpp_min\": 4801");
        var result = new RunVerifier(TimeProvider.System).Verify(dir.File("out"));
        Assert.False(result.Holds);
        Assert.Contains(result.Failures, f => f.Subject.EndsWith("ac-2023/classification.json", StringComparison.Ordinal));
    }
}
