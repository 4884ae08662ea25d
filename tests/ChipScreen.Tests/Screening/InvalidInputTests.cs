using ChipScreen.Screening;
using ChipScreen.Tests.Support;
using static ChipScreen.Tests.Support.Screen;

namespace ChipScreen.Tests.Screening;

/// <summary>Bad or missing data holds the line, naming the row and the field; it never clears a line.</summary>
public class InvalidInputTests
{
    private static void HeldFor(LineDecision d, string field)
    {
        Assert.Equal(Decision.Hold, d.Decision);
        Assert.Contains("D1", d.RuleIds.Split(';'));
        Assert.Contains(field, d.Message);
        Assert.Contains("row ", d.Message);
    }

    [Fact]
    public void UnknownCountry_IsHeld() => HeldFor(One(Line("Atlantis")), "destination_country 'Atlantis'");

    [Fact]
    public void UnknownEndUserCountry_IsHeld() => HeldFor(One(Line("DE", endUserCountry: "Narnia")), "end_user_country 'Narnia'");

    [Fact]
    public void UnknownHeadquartersCountry_IsHeld() => HeldFor(One(Line("DE", hq: "Gondor")), "end_user_hq_country 'Gondor'");

    [Fact]
    public void UnknownSku_IsHeld() => HeldFor(One(Line("DE", sku: "H300-SXM")), "sku 'H300-SXM' is not in the chip catalog");

    [Fact]
    public void MissingTpp_IsHeld() => HeldFor(One(Line("DE", tpp: null)), "tpp is missing");

    [Theory]
    [InlineData(0, "CN")] // an ERP's 0 for "not known": below every threshold, it would clear as NLR even to China
    [InlineData(-5, "DE")]
    public void ATppNotGreaterThanZero_IsHeld(int tpp, string destination) =>
        HeldFor(One(Line(destination, tpp: tpp)), $"tpp {tpp} is not greater than 0");

    [Fact]
    public void ATppNoChipHas_IsHeld_AndTheBatchGoesOn()
    {
        // 7 x 10^28 TPP x 8 chips would overflow a decimal volume: the line is held and the next one still screened.
        var d = Batch(Line("IN", tpp: 70_000_000_000_000_000_000_000_000_000m, chipsPerUnit: 8, quantity: 1000), Line("IN", quantity: 10));
        HeldFor(d[0], "tpp 70000000000000000000000000000 is larger than any chip's TPP (at most 1,000,000,000)");
        Assert.NotEqual(Decision.Hold, d[1].Decision);
    }

    [Fact]
    public void ADieAreaNoChipHas_IsHeld() =>
        HeldFor(One(Line("DE", tpp: 5000m, die: 0.0000000000000000000000000001m)), "die_area_mm2 0.0000000000000000000000000001 is smaller than any chip's die (at least 0.01 mm²)");

    [Fact]
    public void ARowTppThatTakesACatalogPartOutOfItsClass_IsHeld()
    {
        // The row's TPP still overrides the catalog's, but an H100 declared at TPP 1.5 would otherwise clear as NLR.
        var d = One(Line("IN", sku: "H100-SXM5-80GB") with { Tpp = 1.5m });
        HeldFor(d, "tpp 1.5 (catalog 15,832) puts H100-SXM5-80GB outside 3A090 (TPP 1.5 and PD 0.0018 meet no 3A090 criterion), " +
                   "where the catalog's figures put it in 3A090.a (TPP 15,832 >= 4,800)");
        Assert.Equal(1.5m, d.Facts.Tpp);
    }

    [Fact]
    public void ARowThatDeclaresACatalogDatacenterPartNotOne_IsHeld_EvenInTheSameClass()
    {
        var d = One(Line("IN", sku: "H100-SXM5-80GB") with { Datacenter = false });
        HeldFor(d, "datacenter false (catalog true) declares H100-SXM5-80GB (3A090.a) not a datacenter part");
        Assert.Contains("C2", d.RuleIds.Split(';')); // the non-datacenter rule still fires on the row's figures
    }

    [Fact]
    public void ARowThatDeclaresACatalogDatacenterPartOutside3A090NotOne_IsHeld_NotClearedPastTheH20Class()
    {
        // Under us-2026 an H20 to China needs a license (K1, datacenter parts only); declared not a datacenter part, it was NLR.
        var pack = ChipScreen.Rules.RulePackLoader.Load(Repo.Rules, "us-2026", new DateOnly(2026, 6, 1));
        var lines = Batch(pack, Line("CN", sku: "H20-96GB"), Line("CN", sku: "H20-96GB") with { Datacenter = false });
        Assert.Equal((Decision.LicenseRequired, "K1"), (lines[0].Decision, lines[0].RuleIds));
        HeldFor(lines[1], "datacenter false (catalog true) declares H20-96GB not a datacenter part, which changes the rules that apply to it");
    }

    [Fact]
    public void ARuleWhoseMessageFailsOnALine_HoldsThatLine_AndTheBatchGoesOn()
    {
        // N1's message divides by the die area: a line without one cannot have its reason written.
        using var rules = TempDir.WithRules();
        rules.Edit("ai-diffusion-2025/workflows/decision-table.json", ": no license required\",", ": no license required ({line.Chip.Tpp / line.Chip.DieAreaMm2:N1} TPP per mm²)\",");
        var pack = ChipScreen.Rules.RulePackLoader.Load(rules.Rules, "ai-diffusion-2025", AsOf);
        var d = Batch(pack, Line("DE", tpp: 1000, die: 500, datacenter: false), Line("DE", tpp: 1000, die: null, datacenter: false), Line("RU"));

        Assert.Equal((Decision.Nlr, "N1"), (d[0].Decision, d[0].RuleIds));
        Assert.EndsWith("(2.0 TPP per mm²)", d[0].Message, StringComparison.Ordinal);
        Assert.Equal(Decision.Hold, d[1].Decision);
        Assert.Equal(["N1", "evaluation_failed"], d[1].RuleIds.Split(';'));
        Assert.Contains("the message of rule N1 could not be written (DivideByZeroException", d[1].Message, StringComparison.Ordinal);
        Assert.Empty(d[1].Facts.Volume.Consumed);
        Assert.Equal(Decision.Prohibited, d[2].Decision);
    }

    [Fact]
    public void EveryFigureARowChanges_IsNamed()
    {
        var d = One(Line("IN", sku: "H100-SXM5-80GB") with { Tpp = 2900m, DieAreaMm2 = 790m, Datacenter = false });
        HeldFor(d, "tpp 2,900 (catalog 15,832), with die_area_mm2 790 (catalog 814), with datacenter false (catalog true), puts H100-SXM5-80GB outside 3A090");
    }

    [Theory]
    [InlineData(15832, null, null)] // the catalog's own figure
    [InlineData(20000, null, null)] // more than the catalog: more controlled, if anything
    [InlineData(null, 100, null)] // a smaller die: a higher density
    [InlineData(null, null, true)]
    public void ARowFigureThatKeepsOrRaisesTheClass_IsNotHeld(int? tpp, int? die, bool? datacenter)
    {
        var d = One(Line("IN", sku: "H100-SXM5-80GB") with { Tpp = tpp, DieAreaMm2 = die, Datacenter = datacenter });
        Assert.Equal((Decision.LicenseException, "LPP"), (d.Decision, d.Exception));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void NonPositiveQuantity_IsHeld(int quantity) => HeldFor(One(Line("DE", quantity: quantity)), "quantity");

    [Fact]
    public void MissingQuantity_IsHeld() => HeldFor(One(Line("DE", quantity: null)), "quantity is missing");

    [Fact]
    public void MissingEndUser_IsHeld() => HeldFor(One(Line("DE", endUser: "")), "end_user is missing");

    [Fact]
    public void MissingOrderId_IsHeld() => HeldFor(One(Line("DE", order: "")), "order_id is missing");

    [Fact]
    public void BadDataNeverClearsALine_EvenToTheUs()
    {
        var d = One(Line("US", quantity: 0));
        Assert.Equal(Decision.Hold, d.Decision);
    }

    [Fact]
    public void AnEmbargoStillShowsThroughBadData()
    {
        var d = One(Line("Iran", quantity: 0));
        Assert.Equal(Decision.Prohibited, d.Decision);
        Assert.Contains("D1", d.RuleIds.Split(';'));
    }

    [Fact]
    public void ReadingProblems_AreCarriedIntoTheDecision()
    {
        var line = Line("DE") with { Quantity = null, Issues = [new ChipScreen.Orders.FieldIssue("invalid", "quantity", "'ten' is not a positive whole number")] };
        HeldFor(One(line), "quantity 'ten' is not a positive whole number");
    }

    [Fact]
    public void AnOrderRowTakenInByAQuoteOnTheLineBefore_HoldsThatLine_InsteadOfClearingIt()
    {
        // Valid RFC 4180 with SO2's end use quoted from line 3 to the end of line 4: the China order SO3 is SO2's end use.
        const string header = "order_id,line,ship_date,sku,tpp,die_area_mm2,datacenter,chips_per_unit,quantity,destination_country,end_user,end_user_country,end_user_hq_country,consignee,end_use";
        var csv = header + "\n" +
                  "SO1,1,2025-07-02,H100-SXM5-80GB,,,,,64,DE,Nordlicht GmbH,,,,training\n" +
                  "SO2,1,2025-07-02,H100-SXM5-80GB,,,,,64,DE,Nordlicht GmbH,,,,\"19 inch rack\n" +
                  "SO3,1,2025-07-02,H100-SXM5-80GB,,,,,512,CN,Evil Corp,,,,training\"\n";
        var d = Batch(ChipScreen.Orders.OrderCsvReader.FromText(csv).ReadLines().ToArray());
        Assert.Equal(Decision.LicenseException, d[0].Decision);
        HeldFor(d[1], "end_use holds line breaks followed by commas, as if it had taken in rows: file lines 3-4 were read as one order line: check the quoting");
        Assert.Equal(2, d.Count);
    }
}
