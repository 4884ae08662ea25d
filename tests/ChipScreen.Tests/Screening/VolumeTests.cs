using ChipScreen.Screening;
using ChipScreen.Tests.Support;
using static ChipScreen.Tests.Support.Screen;

namespace ChipScreen.Tests.Screening;

/// <summary>LPP per consignee and calendar year, the Tier 2 country allocation, and the order volumes accumulate in.</summary>
public class VolumeTests
{
    // TPP 1,000 x 1 chip per unit: a line's volume is its quantity in thousands.
    private static Ch Chip(int quantity, string consignee = "Lake Compute Ltd", string destination = "IN", DateOnly? date = null, int? chipsPerUnit = null, string endUser = "Lake Compute Ltd") =>
        new(Line(destination, tpp: 10_000, die: 1000, quantity: quantity, consignee: consignee, endUser: endUser, shipDate: date ?? new DateOnly(2025, 6, 1), chipsPerUnit: chipsPerUnit));

    private sealed record Ch(ChipScreen.Orders.OrderLine Value);

    private static IReadOnlyList<LineDecision> Run(params Ch[] lines) => Batch(lines.Select(l => l.Value).ToArray());

    [Fact]
    public void ExactlyAtTheLppLimit_IsLpp_AndOneMoreTppIsNot()
    {
        // 2,690 x 10,000 = 26,900,000 exactly; then one chip of TPP 1.
        var d = Batch(
            Line("IN", tpp: 10_000, die: 1000, quantity: 2690, endUser: "Lake Compute Ltd"),
            Line("IN", tpp: 1, die: null, datacenter: true, quantity: 1, endUser: "Lake Compute Ltd"));
        Assert.Equal((Decision.LicenseException, "LPP"), (d[0].Decision, d[0].Exception));
        Assert.Contains("26,900,000 TPP in 2025 with this line's 26,900,000 <= 26,900,000", d[0].Message);
        Assert.Equal(Decision.Nlr, d[1].Decision); // TPP 1 is outside 3A090: volume limits do not apply
        var past = Batch(
            Line("IN", tpp: 10_000, die: 1000, quantity: 2690, endUser: "Lake Compute Ltd"),
            Line("IN", tpp: 4800, die: null, quantity: 1, endUser: "Lake Compute Ltd"));
        Assert.Equal(Decision.LicenseRequired, past[1].Decision);
        Assert.Equal("A5", past[1].RuleIds);
        Assert.Contains("26,904,800", past[1].Message);
    }

    [Fact]
    public void AVolumeJustPastTheLimit_IsShownAsItIs_NotRoundedOntoTheLimit()
    {
        // 2,690 chips of TPP 10,000.0001: 26,900,000.269, past the limit; "would reach 26,900,000 ... past 26,900,000" explained nothing.
        var d = One(Line("IN", tpp: 10_000.0001m, die: 1000, quantity: 2690, endUser: "Lake Compute Ltd"));
        Assert.Equal(Decision.LicenseRequired, d.Decision);
        Assert.Contains("would reach 26,900,000.269 TPP in 2025, past the LPP limit of 26,900,000", d.Message);
    }

    [Fact]
    public void OneLinePastTheLimit_IsLicenseRequiredAndNeverSplit()
    {
        var d = Run(Chip(2000), Chip(690), Chip(1));
        Assert.Equal(["LPP", "LPP", null], d.Select(x => x.Exception));
        Assert.Equal(Decision.LicenseRequired, d[2].Decision);
        Assert.Contains("would reach 26,910,000", d[2].Message);
    }

    [Fact]
    public void SpellingsOfOneConsigneesLegalForm_ShareOneLppLimit()
    {
        // 20M + 6.9M reach the limit exactly; the third line, the same company spelt out in full, is past it.
        var d = Run(
            Chip(2000, consignee: "Lake Compute Ltd."),
            Chip(690, consignee: "LAKE COMPUTE LIMITED"),
            Chip(1, consignee: "Lake  Compute, Limited"));
        Assert.Equal(["LPP", "LPP", null], d.Select(x => x.Exception));
        Assert.Equal(Decision.LicenseRequired, d[2].Decision);
        Assert.Contains("would reach 26,910,000", d[2].Message);
        // Nor do apostrophes, hyphens or spaces between a name's words split it.
        var broken = Run(Chip(2000, consignee: "O'Hara Hi-Tech Ltd"), Chip(690, consignee: "O’Hara HiTech Ltd"), Chip(1, consignee: "O Hara Hi Tech Limited"));
        Assert.Equal(["LPP", "LPP", null], broken.Select(x => x.Exception));
        // Another legal form is another company, with a limit of its own.
        Assert.Equal("LPP", Run(Chip(2690, consignee: "Lake Compute Ltd"), Chip(1, consignee: "Lake Compute GmbH"))[1].Exception);
    }

    [Fact]
    public void ALineThatIsHeld_AddsToNoVolume()
    {
        var d = Batch(
            Line("IN", tpp: 10_000, die: 1000, quantity: 2690, endUser: "Lake Compute Ltd", endUse: "military radar"),
            Line("IN", tpp: 10_000, die: 1000, quantity: 2690, endUser: "Lake Compute Ltd"));
        Assert.Equal(Decision.Hold, d[0].Decision);
        Assert.Equal("LPP", d[1].Exception);
    }

    [Fact]
    public void VolumesAccumulateInShipDateOrder_NotFileOrder()
    {
        var d = Run(
            Chip(2000, date: new DateOnly(2025, 9, 1)),
            Chip(1000, date: new DateOnly(2025, 3, 1)),
            Chip(600, date: new DateOnly(2025, 5, 1)));
        // March (10M) and May (6M) come first: 16M; September's 20M would pass 26.9M.
        Assert.Equal([Decision.LicenseRequired, Decision.LicenseException, Decision.LicenseException], d.Select(x => x.Decision));
        Assert.Contains("at 16,000,000", d[2].Message);
    }

    [Fact]
    public void SameShipDate_FallsBackToFileOrder()
    {
        var d = Run(Chip(2000), Chip(1000), Chip(600));
        Assert.Equal([Decision.LicenseException, Decision.LicenseRequired, Decision.LicenseException], d.Select(x => x.Decision));
    }

    [Theory]
    [InlineData(400)] // a year's ship dates: counted
    [InlineData(200_000)] // spread wider than the lines are many: compared
    public void TheReplayOrder_IsShipDateThenRow_HoweverWideTheDatesSpread(int days)
    {
        var random = new Random(days);
        var shipDays = Enumerable.Range(0, 5000).Select(_ => 700_000 + random.Next(days)).ToArray();
        var expected = shipDays.Select((day, row) => (day, row)).OrderBy(x => x.day).ThenBy(x => x.row).Select(x => x.row);
        Assert.Equal(expected, ChipScreen.Volumes.VolumePlanner.ShipDateOrder(shipDays));
    }

    [Fact]
    public void FractionalVolumes_SettleInDecimal_WithTheSameDecisionsAndTotals()
    {
        // TPP 9,999.5 and 10,000.0 cannot add as integers; the replay keeps decimals (and their scale) for such a batch.
        var d = Batch(
            Line("IN", tpp: 9_999.5m, die: 1000, quantity: 2000, endUser: "Lake Compute Ltd"),
            Line("IN", tpp: 10_000.0m, die: 1000, quantity: 690, endUser: "Lake Compute Ltd"),
            Line("IN", tpp: 10_000.0m, die: 1000, quantity: 1, endUser: "Lake Compute Ltd"));
        Assert.Equal(["LPP", "LPP", null], d.Select(x => x.Exception));
        Assert.Equal(19_999_000.0m, d[1].Facts.Volume.ConsigneeYearBefore);
        Assert.Equal("19999000.0", d[1].Facts.Volume.ConsigneeYearBefore.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("1.0", false)] // whole, but written with a decimal place that totals must keep
    [InlineData("0.5", false)]
    [InlineData("4611686018427387904", false)] // 2^62: sums could overflow
    public void TheReplayAddsIntegers_OnlyWhenEveryVolumeIsWrittenWhole(string volume, bool whole)
    {
        var limits = ChipScreen.Tests.Support.Screen.Pack.Volumes;
        var value = decimal.Parse(volume, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(whole, ChipScreen.Volumes.VolumePlanner.Whole([value, 2m], [0m], [], limits));
    }

    [Fact]
    public void PendingLines_MustComeInRowOrder()
    {
        var pending = new ChipScreen.Volumes.PendingVolumes();
        pending.Add(new ChipScreen.Volumes.PendingLine(5, new DateOnly(2025, 6, 1), "LAKE", "Lake", "IN", null, false, 1m, 0));
        Assert.Throws<ArgumentException>(() => pending.Add(new ChipScreen.Volumes.PendingLine(5, new DateOnly(2025, 6, 1), "LAKE", "Lake", "IN", null, false, 1m, 0)));
    }

    [Fact]
    public void ANewCalendarYear_StartsTheConsigneeAtZero()
    {
        var d = Run(Chip(2690, date: new DateOnly(2025, 12, 31)), Chip(2690, date: new DateOnly(2026, 1, 1)));
        Assert.Equal(["LPP", "LPP"], d.Select(x => x.Exception));
    }

    [Fact]
    public void ChipsPerUnit_CountInTheVolume()
    {
        // 337 boards of 8 chips x 10,000 = 26,960,000 > 26,900,000; 336 boards = 26,880,000.
        Assert.Equal(Decision.LicenseRequired, Run(Chip(337, chipsPerUnit: 8))[0].Decision);
        Assert.Equal("LPP", Run(Chip(336, chipsPerUnit: 8))[0].Exception);
    }

    [Fact]
    public void VolumeCountsPerConsignee_NotPerEndUser()
    {
        var d = Run(
            Chip(2000, consignee: "Freight Hub Pte Ltd", endUser: "Alpha Ltd"),
            Chip(1000, consignee: "Freight Hub Pte Ltd", endUser: "Beta Ltd"),
            Chip(1000, consignee: "Other Hub Ltd", endUser: "Beta Ltd"));
        Assert.Equal([Decision.LicenseException, Decision.LicenseRequired, Decision.LicenseException], d.Select(x => x.Decision));
    }

    [Fact]
    public void ConsigneeDefaultsToTheEndUser_AndNamesMatchIgnoringCaseAndPunctuation()
    {
        var d = Batch(
            Line("IN", tpp: 10_000, die: 1000, quantity: 2000, endUser: "Lake Compute, Ltd."),
            Line("IN", tpp: 10_000, die: 1000, quantity: 1000, endUser: "LAKE COMPUTE LTD"));
        Assert.Equal(Decision.LicenseRequired, d[1].Decision);
    }

    [Fact]
    public void LicensedLinesConsumeTheCountryAllocation_UntilItIsCrossed()
    {
        // Each consignee is past LPP with one line of 30,000,000; the allocation is 790,000,000: 26 such lines fit
        // (780,000,000), the 27th (810,000,000) would exceed it.
        var lines = Enumerable.Range(0, 28).Select(i => Chip(3000, consignee: $"Consignee {i:D2}", destination: "CL", endUser: $"Consignee {i:D2}").Value).ToArray();
        var d = Batch(lines);
        Assert.All(d.Take(26), x => Assert.Equal(Decision.LicenseRequired, x.Decision));
        Assert.Equal(Decision.Prohibited, d[26].Decision);
        Assert.Equal("A6", d[26].RuleIds);
        Assert.Contains("810,000,000 of 790,000,000", d[26].Message);
        Assert.Equal(Decision.Prohibited, d[27].Decision); // a prohibited line consumes nothing, and the next is past too
    }

    [Fact]
    public void LppShipments_DoNotCountAgainstTheAllocation()
    {
        var lpp = Enumerable.Range(0, 40).Select(i => Chip(2690, consignee: $"Small {i:D2}", destination: "CL", endUser: $"Small {i:D2}").Value);
        var licensed = Chip(3000, consignee: "Big One", destination: "CL", endUser: "Big One").Value;
        var d = Batch([.. lpp, licensed]);
        Assert.Equal(Decision.LicenseRequired, d[^1].Decision);
        Assert.Contains("30,000,000 of 790,000,000", d[^1].Message);
    }

    [Fact]
    public void Tier1WithHeadquartersOutsideTier1_PastLpp_IsLicenseRequiredWithoutAllocation()
    {
        var d = Batch(Line("DE", tpp: 10_000, die: 1000, quantity: 3000, hq: "IN"));
        Assert.Equal(Decision.LicenseRequired, d[0].Decision);
        Assert.Contains("no country allocation applies", d[0].Message);
        Assert.Empty(d[0].Facts.Volume.Consumed);
    }

    [Fact]
    public void ConsumedVolumes_AreRecordedOnTheDecision()
    {
        var d = Run(Chip(2000), Chip(1000, consignee: "Other"));
        Assert.Equal([ChipScreen.Volumes.VolumeAccount.ConsigneeYear], d[0].Facts.Volume.Consumed.ToArray());
        Assert.Equal(20_000_000m, d[0].Facts.Volume.LineVolume);
    }

    [Fact]
    public void SingleOrderScreening_StartsFromTheBaseline()
    {
        var screener = new BatchScreener(Pack);
        var baseline = new FixedBaseline(20_000_000);
        var d = screener.ScreenOne(Line("IN", tpp: 10_000, die: 1000, quantity: 690, endUser: "Lake Compute Ltd"), AsOf, baseline);
        Assert.Equal("LPP", d.Exception);
        Assert.Contains("at 26,900,000", d.Message);
        var past = screener.ScreenOne(Line("IN", tpp: 10_000, die: 1000, quantity: 691, endUser: "Lake Compute Ltd"), AsOf, baseline);
        Assert.Equal(Decision.LicenseRequired, past.Decision);
    }

    private sealed class FixedBaseline(decimal consignee) : ChipScreen.Volumes.IVolumeBaseline
    {
        public decimal ConsigneeYear(string consigneeKey, int year) => consignee;

        public decimal CountryAllocation(string country, string period) => 0;
    }
}
