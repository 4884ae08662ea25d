using ChipScreen.Screening;
using ChipScreen.Tests.Support;
using static ChipScreen.Tests.Support.Screen;

namespace ChipScreen.Tests.Screening;

/// <summary>Every row of the ai-diffusion-2025 decision table, with a line that fires it and one that narrowly misses it.</summary>
public class DecisionTableTests
{
    private static void Expect(LineDecision d, Decision decision, string? exception, params string[] ruleIds)
    {
        Assert.True(decision == d.Decision, $"expected {decision}, got {d.Decision}: {d.Message}");
        Assert.Equal(exception, d.Exception);
        Assert.Equal(string.Join(';', ruleIds), d.RuleIds);
    }

    private static void Fires(LineDecision d, string rule) => Assert.Contains(rule, d.RuleIds.Split(';'));

    private static void DoesNotFire(LineDecision d, string rule) => Assert.DoesNotContain(rule, d.RuleIds.Split(';'));

    // E1
    [Fact]
    public void E1_EmbargoedUltimateDestination_IsProhibited() => Expect(One(Line("IR", tpp: 1000, die: 500)), Decision.Prohibited, null, "E1");

    [Fact]
    public void E1_EmbargoedShipTo_IsProhibitedEvenIfTheEndUserIsElsewhere()
    {
        var d = One(Line("RU", tpp: 1000, die: 500, endUserCountry: "DE"));
        Assert.Equal(Decision.Prohibited, d.Decision);
        Fires(d, "E1");
    }

    [Fact]
    public void E1_MissesNextDoor() => DoesNotFire(One(Line("UA", tpp: 1000, die: 500)), "E1");

    // D1
    [Fact]
    public void D1_InvalidData_IsHeld() => Expect(One(Line("DE", quantity: 0, tpp: 1000, die: 500)), Decision.Hold, null, "D1");

    [Fact]
    public void D1_MissesWhenDataIsComplete() => DoesNotFire(One(Line("DE", quantity: 1, tpp: 1000, die: 500)), "D1");

    // D2
    [Fact]
    public void D2_DatacenterChipInThePdBandWithoutDieArea_IsHeld() => Expect(One(Line("DE", tpp: 3000, die: null)), Decision.Hold, null, "D2");

    [Fact]
    public void D2_MissesWithADieArea() => DoesNotFire(One(Line("DE", tpp: 3000, die: 1000)), "D2");

    [Fact]
    public void D2_MissesAt4800() => DoesNotFire(One(Line("DE", tpp: 4800, die: null)), "D2");

    [Fact]
    public void D2_MissesForANonDatacenterPart() => DoesNotFire(One(Line("DE", tpp: 3000, die: null, datacenter: false)), "D2");

    // H1
    [Fact]
    public void H1_DatacenterAForEndUserHeadquarteredInChina_IsProhibitedAnywhere() =>
        Expect(One(Line("SG", hq: "CN")), Decision.Prohibited, null, "H1", "A4");

    [Fact]
    public void H1_HeadquartersInMacauCountsToo() => Fires(One(Line("DE", hq: "MO")), "H1");

    [Fact]
    public void H1_MissesWhenShippedToTheUs() => Expect(One(Line("US", hq: "CN")), Decision.Nlr, null, "A0");

    [Fact]
    public void H1_MissesForHeadquartersInD1ButNotD5() => DoesNotFire(One(Line("DE", hq: "KZ")), "H1");

    // H2
    [Fact]
    public void H2_BForEndUserHeadquarteredInD5_IsNac() =>
        Expect(One(Line("BR", tpp: 2896, die: 789, hq: "CN")), Decision.LicenseException, "NAC", "H2");

    [Fact]
    public void H2_ConsumerAForEndUserHeadquarteredInD5_IsNac() =>
        Expect(One(Line("BR", tpp: 5285, die: 609, datacenter: false, hq: "CN")), Decision.LicenseException, "NAC", "H2");

    [Fact]
    public void H2_MissesForAChipOutside3A090() => Expect(One(Line("BR", tpp: 2368, die: 814, hq: "CN")), Decision.Nlr, null, "N1");

    // U1
    [Fact]
    public void U1_SupercomputerEndUseInChina_IsProhibitedForAnyChip() =>
        Expect(One(Line("CN", tpp: 1000, die: 500, endUse: "National Supercomputer Center upgrade")), Decision.Prohibited, null, "U1");

    [Fact]
    public void U1_AdvancedNodeFabInMacau_IsProhibited() => Fires(One(Line("MO", tpp: 1000, die: 500, endUse: "advanced-node IC fabrication")), "U1");

    [Fact]
    public void U1_MissesOutsideD5AndMacau() =>
        Expect(One(Line("MY", tpp: 1000, die: 500, endUse: "supercomputer upgrade")), Decision.Nlr, null, "N1");

    // F1
    [Fact]
    public void F1_ShipToDiffersFromEndUserCountryInTier3_IsHeld()
    {
        var d = One(Line("SG", tpp: 1000, die: 500, endUserCountry: "CN"));
        Expect(d, Decision.Hold, null, "F1");
        Assert.Contains("possible diversion", d.Message);
    }

    [Fact]
    public void F1_MissesWhenNeitherIsTier3() => Expect(One(Line("SG", tpp: 1000, die: 500, endUserCountry: "MY")), Decision.Nlr, null, "N1");

    [Fact]
    public void F1_MissesWhenHongKongIsWrittenForChina() => DoesNotFire(One(Line("Hong Kong", tpp: 1000, die: 500, endUserCountry: "CN")), "F1");

    // F2
    [Theory]
    [InlineData("Military logistics")]
    [InlineData("WEAPONS lab")]
    [InlineData("missile defence")]
    [InlineData("nuclear simulation")]
    public void F2_RedFlagEndUse_IsHeld(string endUse) =>
        Expect(One(Line("DE", tpp: 1000, die: 500, endUse: endUse)), Decision.Hold, null, "F2");

    [Fact]
    public void F2_MissesAnOrdinaryEndUse() => DoesNotFire(One(Line("DE", tpp: 1000, die: 500, endUse: "milling machine vision")), "F2");

    [Fact]
    public void F2_RedFlagTermsAreExactlyTheFourOfTheTable() =>
        Assert.Equal(["military", "weapon", "missile", "nuclear"], Pack.EndUseTerms.Terms("red_flags"));

    // A0
    [Fact]
    public void A0_UltimateDestinationUs_IsNlr() => Expect(One(Line("US")), Decision.Nlr, null, "A0");

    [Fact]
    public void A0_MissesWhenTheEndUserIsAbroad()
    {
        var d = One(Line("US", endUserCountry: "DE"));
        DoesNotFire(d, "A0");
        Assert.Equal("DE", d.Destination);
    }

    // A1
    [Fact]
    public void A1_DatacenterAToTier3_IsProhibited() => Expect(One(Line("CN")), Decision.Prohibited, null, "A1");

    [Fact]
    public void A1_MissesForB() => Expect(One(Line("CN", tpp: 2896, die: 789)), Decision.LicenseException, "NAC", "B1");

    // A2
    [Fact]
    public void A2_DatacenterAToTier1_IsAia()
    {
        var d = One(Line("Japan"));
        Expect(d, Decision.LicenseException, "AIA", "A2");
        Assert.Contains("certification", d.Message);
    }

    [Fact]
    public void A2_MissesWhenHeadquartersAreOutsideTier1() => Expect(One(Line("JP", hq: "IN")), Decision.LicenseException, "LPP", "A4");

    // A3
    [Fact]
    public void A3_ValidatedEndUserInTier2_IsVeu()
    {
        using var rules = TempDir.WithRules();
        rules.Edit("ai-diffusion-2025/validated-end-users.json", "\"entries\": []",
            "\"entries\": [{ \"name\": \"Gulf Compute LLC\", \"countries\": [\"AE\"], \"citation\": \"test authorization\" }]");
        var pack = ChipScreen.Rules.RulePackLoader.Load(rules.Rules, "ai-diffusion-2025", AsOf);
        Expect(Batch(pack, Line("AE", endUser: "GULF COMPUTE, LLC"))[0], Decision.LicenseException, "VEU", "A3");
        Expect(Batch(pack, Line("SA", endUser: "Gulf Compute LLC"))[0], Decision.LicenseException, "LPP", "A4"); // not validated there
    }

    [Fact]
    public void A3_MissesForAnEndUserNotValidated() => DoesNotFire(One(Line("AE", endUser: "Gulf Compute LLC")), "A3");

    // A4
    [Fact]
    public void A4_DatacenterAToTier2WithinTheLimit_IsLpp()
    {
        var d = One(Line("India", quantity: 100));
        Expect(d, Decision.LicenseException, "LPP", "A4");
        Assert.Contains("1,583,200", d.Message);
    }

    [Fact]
    public void A4_Tier1WithHeadquartersOutsideTier1_IsLpp() => Expect(One(Line("DE", hq: "AE")), Decision.LicenseException, "LPP", "A4");

    [Fact]
    public void A4_MissesForAConsumerPart() => Expect(One(Line("IN", tpp: 5285, die: 609, datacenter: false)), Decision.LicenseException, "ACA", "C2");

    // A5 / A6 are covered with the volumes in VolumeTests.

    // C1
    [Fact]
    public void C1_ConsumerAToChina_IsNac() => Expect(One(Line("CN", tpp: 5285, die: 609, datacenter: false)), Decision.LicenseException, "NAC", "C1");

    [Fact]
    public void C1_MissesBelow4800() => Expect(One(Line("CN", tpp: 4799, die: 609, datacenter: false)), Decision.Nlr, null, "N1");

    // C2
    [Fact]
    public void C2_ConsumerAToTier2_IsAca() => Expect(One(Line("BR", tpp: 5285, die: 609, datacenter: false)), Decision.LicenseException, "ACA", "C2");

    [Fact]
    public void C2_MissesForTheUs() => Expect(One(Line("US", tpp: 5285, die: 609, datacenter: false)), Decision.Nlr, null, "A0");

    // B1
    [Fact]
    public void B1_BToMacau_IsNac() => Expect(One(Line("MO", tpp: 2896, die: 789)), Decision.LicenseException, "NAC", "B1");

    [Fact]
    public void B1_MissesForD1OutsideD5() => Expect(One(Line("KZ", tpp: 2896, die: 789)), Decision.LicenseException, "ACA", "B2");

    // B2
    [Fact]
    public void B2_BToD4_IsAca() => Expect(One(Line("SA", tpp: 2896, die: 789)), Decision.LicenseException, "ACA", "B2");

    [Fact]
    public void B2_MissesWhenAlsoInA6() => Expect(One(Line("IL", tpp: 2896, die: 789)), Decision.Nlr, null, "N1");

    [Fact]
    public void B2_MissesWhenAlsoInA5() => Expect(One(Line("TR", tpp: 2896, die: 789)), Decision.Nlr, null, "N1");

    // N1
    [Fact]
    public void N1_BToGermany_IsNlr() => Expect(One(Line("DE", tpp: 2896, die: 789)), Decision.Nlr, null, "N1");

    [Fact]
    public void N1_FiresOnlyWhenNothingElseDoes() => Expect(One(Line("DE")), Decision.LicenseException, "AIA", "A2");

    // Severity and reasons
    [Fact]
    public void MostSevereDecisionWins_AndEveryFiredRuleIsListed()
    {
        var d = One(Line("RU", endUse: "military"));
        Expect(d, Decision.Prohibited, null, "E1", "F2", "A1");
        Assert.Equal(3, d.Reasons.Length);
        Assert.All(d.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Citation)));
    }

    [Fact]
    public void Messages_ShowTheValuesBehindTheRule()
    {
        var d = One(Line("CN"));
        Assert.Contains("TPP 15,832 >= 4,800", d.Message);
        Assert.Contains("[15 CFR 742.6(a)(6)(iii)", d.Message);
    }

    [Fact]
    public void NacMessage_SaysToNotifyAndWait() => Assert.Contains("wait 25 days", One(Line("MO", tpp: 2896, die: 789)).Message);
}
