using ChipScreen.Reports;
using ChipScreen.Rules;
using ChipScreen.Screening;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Reports;

public class BatchSummaryTests
{
    private static DecisionDigest Shipping(string date) =>
        new(Decision.Nlr, null, 1, "DE", "3A090.a", "N1", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void LinesShippingOnOrAfterTheRulesChange_AreCounted_WithTheirFirstAndLastShipDate()
    {
        var change = new RulesChange(new DateOnly(2026, 1, 15), "pack ai-diffusion-2025 ends");
        var summary = new BatchSummary(change);
        foreach (var date in new[] { "2025-12-01", "2026-03-02", "2026-01-14", "2026-01-15", "2026-02-01" })
            summary.Add(Shipping(date));

        Assert.Equal(5, summary.Lines);
        Assert.Equal(new ShipDatesAfterChange(3, new DateOnly(2026, 1, 15), new DateOnly(2026, 3, 2), change), summary.AfterChange);
    }

    [Fact]
    public void LinesAreCountedByTheVerdictsOfTheirPartiesCandidates_OnceEach()
    {
        var summary = new BatchSummary();
        var date = new DateOnly(2025, 6, 1);
        foreach (var flags in new[] { 0, 1, 1 | 2, 2, 4, 1 | 4 })
            summary.Add(new DecisionDigest(Decision.Hold, null, 3, "CN", "", "P6", date, flags));
        Assert.Equal([("match", 3L), ("review", 2L), ("cleared", 2L)], summary.ByPartyVerdict.ToArray());
    }

    [Fact]
    public void LinesWhoseClassIsUnknown_AreCountedApartFromThoseOutside3A090()
    {
        var summary = new BatchSummary();
        foreach (var line in new[]
        {
            Screen.Line(tpp: 15832),                         // 3A090.a
            Screen.Line(tpp: 1000),                          // outside 3A090/4A090
            Screen.Line(tpp: null),                          // no TPP
            Screen.Line(sku: "NO-SUCH-SKU"),                 // no TPP either
            Screen.Line(tpp: 3200, die: null),               // a die area needed and not given
        })
            summary.Add(Screen.One(line));
        Assert.Equal([(BatchSummary.NoEccn, 1L), ("3A090.a", 1L), (BatchSummary.ClassUnknown, 3L)], summary.ByEccn.Select(e => (e.Key, e.Value.Sum())).ToArray());
    }

    [Fact]
    public void WithoutAChange_OrWithNoLineAfterIt_NothingIsCounted()
    {
        var open = new BatchSummary();
        var before = new BatchSummary(new RulesChange(new DateOnly(2026, 1, 15), "pack ai-diffusion-2025 ends"));
        open.Add(Shipping("2030-01-01"));
        before.Add(Shipping("2026-01-14"));
        Assert.Null(open.AfterChange);
        Assert.Null(before.AfterChange);
    }
}
