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
    public void ADieAreaLargerThanAWafer_IsHeld()
    {
        // 6,000,000 mm² made the PD 0.0007: TPP 4,000 to China cleared as NLR, outside 3A090.
        var d = One(Line("CN", tpp: 4000m, die: 6_000_000m));
        HeldFor(d, "die_area_mm2 6000000 is larger than any chip's die (at most 70,686 mm², the area of a whole 300 mm wafer)");
        Assert.NotEqual(Decision.Nlr, d.Decision);
    }

    [Fact]
    public void ADieAreaUpToAWholeWafer_IsNotHeldForIt()
    {
        var d = One(Line("DE", tpp: 20000m, die: 70_686m));
        Assert.DoesNotContain("D1", d.RuleIds.Split(';'));
        Assert.Empty(d.Facts.DataIssues);
    }

    [Fact]
    public void ATinyTpp_IsShownAsGiven_NotAsZero()
    {
        var d = One(Line("DE", tpp: 0.0001m, die: null));
        Assert.Contains("TPP 0.0001 meets no 3A090 criterion", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TPP 0 ", d.Message, StringComparison.Ordinal);
    }

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

    [Fact]
    public void ARowThatGivesACatalogUnitFewerChips_IsHeld_ItsVolumeWouldBeCountedTooLow()
    {
        // An 8-GPU board declared to hold 1 chip: the class stays (4A090.a becomes 3A090.a), but it counted an eighth of its
        // volume against the LPP limit: 1,000 boards are 126.7M TPP, far past 26.9M, and were LPP at 15.8M.
        var d = One(Line("IN", sku: "HGX-H100-8GPU", quantity: 1000) with { ChipsPerUnit = 1 });
        HeldFor(d, "chips_per_unit 1 (catalog 8) gives a unit of HGX-H100-8GPU fewer chips than the catalog's 8, which counts the " +
                   "line's volume (TPP x chips per unit x quantity) too low against the LPP limit and the country allocation; " +
                   "a row's figures may not make a catalog part less controlled without review");
        Assert.Null(d.Exception);
        Assert.Empty(d.Facts.Volume.Consumed);
    }

    [Fact]
    public void ARowThatGivesAControlledCatalogPartALowerTpp_IsHeld_EvenInItsClass()
    {
        // An H100 at TPP 5,000 stays 3A090.a, but 2,000 of them counted 10M against the LPP limit instead of 31.7M.
        var d = One(Line("IN", sku: "H100-SXM5-80GB", quantity: 2000) with { Tpp = 5000m });
        HeldFor(d, "tpp 5,000 (catalog 15,832) gives H100-SXM5-80GB (3A090.a) a lower TPP than the catalog's, which counts the line's " +
                   "volume (TPP x chips per unit x quantity) too low against the LPP limit and the country allocation, and can carry it " +
                   "below a TPP line of the rules");
        Assert.Empty(d.Facts.Volume.Consumed);
        // The catalog's TPP or a higher one is no reason to hold; nor a lower one on a part outside 3A090.
        Assert.Equal("LPP", One(Line("IN", sku: "H100-SXM5-80GB", quantity: 10) with { Tpp = 15832m }).Exception);
        Assert.Equal("LPP", One(Line("IN", sku: "H100-SXM5-80GB", quantity: 10) with { Tpp = 16000m }).Exception);
        Assert.NotEqual(Decision.Hold, One(Line("DE", sku: "H20-96GB", quantity: 10) with { Tpp = 1000m }).Decision);
    }

    [Fact]
    public void FewerChipsPerUnit_IsNamedBesideTheOtherFiguresARowChanges()
    {
        var d = One(Line("IN", sku: "HGX-H100-8GPU") with { Tpp = 2900m, ChipsPerUnit = 4 });
        HeldFor(d, "tpp 2,900 (catalog 15,832), with chips_per_unit 4 (catalog 8), puts HGX-H100-8GPU in 4A090.b");
    }

    [Theory]
    [InlineData(8)] // the catalog's own count
    [InlineData(16)] // more chips: more volume, if anything
    public void ChipsPerUnitThatKeepOrRaiseTheVolume_AreNotHeld(int chipsPerUnit)
    {
        var d = One(Line("IN", sku: "HGX-H100-8GPU") with { ChipsPerUnit = chipsPerUnit });
        Assert.Equal((Decision.LicenseException, "LPP"), (d.Decision, d.Exception));
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

    [Theory]
    [InlineData("...", "...")]
    [InlineData("-", "-")]
    [InlineData("\"", "\"")]
    [InlineData("\u200B", "<U+200B>")] // a zero-width space: format characters are not content
    [InlineData("\uFEFF", "<U+FEFF>")]
    [InlineData("\0\u0007", "<U+0000><U+0007>")]
    [InlineData("   ", "   ")] // the CSV reader trims this to nothing; an OrderLine built in code keeps it
    [InlineData("\u0301\u200D", "\u0301<U+200D>")] // a combining mark alone is no letter either
    public void AnEndUserWithNoLetterOrDigit_IsHeld(string name, string shown)
    {
        // Such a "name" can be screened against no list, and every one of them shared one empty LPP key: to India they got LPP.
        var d = One(Line("IN", endUser: name));
        HeldFor(d, $"end_user has no letters or digits ('{shown}')");
        Assert.Equal($"end_user has no letters or digits ('{shown}')", Assert.Single(d.Facts.DataIssues));
        Assert.Null(d.Exception);
        Assert.Empty(d.Facts.Volume.Consumed);
    }

    [Theory]
    [InlineData("...")]
    [InlineData("--")]
    [InlineData("\u200B")]
    public void AConsigneeWithNoLetterOrDigit_IsHeld(string name)
    {
        var d = One(Line("IN", consignee: name));
        HeldFor(d, "consignee has no letters or digits");
        Assert.Null(d.Exception);
    }

    [Fact]
    public void NamelessPartiesDoNotShareAnLppLimit_TheyAreAllHeld()
    {
        // 1,000 H100s are 15.8M TPP: before, "..." and "-" counted as one consignee (key ""), and the second went past the
        // limit on the first's volume; now neither consumes anything.
        var d = Batch(Line("IN", endUser: "...", quantity: 1000), Line("IN", endUser: "-", quantity: 1000), Line("IN", consignee: "\u200B", quantity: 1000));
        Assert.All(d, x => Assert.Equal(Decision.Hold, x.Decision));
        Assert.All(d, x => Assert.Empty(x.Facts.Volume.Consumed));
    }

    [Theory]
    [InlineData("3M")]
    [InlineData("\u6DF1\u5733\u5E02\u79D1\u6280")] // Chinese letters
    [InlineData("X")]
    [InlineData("\u200BAcme Ltd")]
    public void ANameWithALetterOrDigit_IsNotHeldForIt(string name)
    {
        var d = One(Line("IN", endUser: name, consignee: name));
        Assert.Equal((Decision.LicenseException, "LPP"), (d.Decision, d.Exception));
    }

    [Theory]
    [InlineData(1925, 7, 3)]
    [InlineData(205, 7, 3)] // 0205-07-03: a year missing its second digit
    [InlineData(2022, 10, 6)]
    public void AShipDateBeforeTheControlsBegan_IsHeld(int year, int month, int day)
    {
        // The ship date's year is the year LPP volumes count in: a mistyped one opened a fresh, empty year.
        var date = new DateOnly(year, month, day);
        var d = One(Line("IN", shipDate: date));
        HeldFor(d, $"ship_date '{date:yyyy-MM-dd}' is before 2022-10-07, when the advanced-computing controls (ECCNs 3A090 and 4A090, " +
                   "87 FR 62186) took effect; check the year");
        Assert.Null(d.Exception);
        Assert.Empty(d.Facts.Volume.Consumed);
    }

    [Fact]
    public void AShipDateMoreThanFiveYearsAfterTheAsOfDate_IsHeld()
    {
        var d = One(Line("IN", shipDate: new DateOnly(2031, 1, 1))); // the as-of date is 2025-12-31
        HeldFor(d, "ship_date '2031-01-01' is more than 5 years after the as-of date 2025-12-31; check the year");
        Assert.Null(d.Exception);
    }

    [Theory]
    [InlineData(2022, 10, 7)]
    [InlineData(2030, 12, 31)]
    public void AShipDateFromTheControlsToFiveYearsAhead_IsNotHeldForIt(int year, int month, int day)
    {
        var d = One(Line("IN", shipDate: new DateOnly(year, month, day)));
        Assert.Equal((Decision.LicenseException, "LPP"), (d.Decision, d.Exception));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    public void ALineNumberMadeInCodeThatIsNotAPositiveWholeNumber_IsHeld(string number) =>
        HeldFor(One(Line("IN", line: number)), $"line '{number}' is not a positive whole number");

    [Fact]
    public void ALineNumberMadeInCodeTooLargeToHold_IsHeldAsTooLarge_AsInAFile() =>
        HeldFor(One(Line("IN", line: "99999999999999999999")), "line '99999999999999999999' is too large");

    [Fact]
    public void NullTextOfALineMadeInCode_IsHeldAsMissing()
    {
        var d = One(Line("IN") with { OrderId = null!, EndUser = null!, DestinationCountry = null! });
        HeldFor(d, "order_id is missing; end_user is missing; destination_country is missing");
    }

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
