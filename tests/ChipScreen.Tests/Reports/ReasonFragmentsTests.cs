using System.Text;
using ChipScreen.Reports;
using ChipScreen.Screening;

namespace ChipScreen.Tests.Reports;

/// <summary>The cache of what records write around a reason's message must never give one reason another's bytes.</summary>
public class ReasonFragmentsTests
{
    private static readonly ReasonFragments<Utf8Buffer> Fragments = new((r, before, after) =>
    {
        before.Utf8($"{r.RuleId}|{r.Decision}|{r.Exception}|");
        after.Utf8($"|{r.Citation}");
    });

    private static string Text(Reason r)
    {
        var (before, after) = Fragments.Of(r);
        return Encoding.UTF8.GetString(before) + Encoding.UTF8.GetString(after);
    }

    [Fact]
    public void AReason_GetsItsOwnFragments_AndTheSameRuleGetsThemAgainWithoutWritingThemAgain()
    {
        var rule = new Reason("A1", Decision.Prohibited, null, "15 CFR 742.6", "first line");
        Assert.Equal("A1|Prohibited|||15 CFR 742.6", Text(rule));
        var again = rule with { Message = "second line" };
        Assert.Same(Fragments.Of(rule).Before, Fragments.Of(again).Before);

        // Equal text in other string objects, or another decision or exception: never the cached bytes of another reason.
        Assert.Equal("A1|Prohibited|||15 CFR 740.29", Text(rule with { Citation = new string("15 CFR 740.29") }));
        Assert.Equal("A1|Hold|||15 CFR 742.6", Text(rule with { Decision = Decision.Hold }));
        Assert.Equal("A1|Prohibited|LPP||15 CFR 742.6", Text(rule with { Exception = "LPP" }));
        Assert.Equal("A1|Prohibited|||15 CFR 742.6", Text(rule));
    }

    [Fact]
    public void ReasonsInTheSameSlot_ThatShareSomeOfTheirStrings_EachGetTheirOwn()
    {
        var rule = new Reason("B1", Decision.LicenseException, "NAC", "15 CFR 740.8", "m");
        // Another citation (a new object) that lands in the same slot, and another rule id that does.
        var citation = Enumerable.Range(0, 10_000).Select(i => rule with { Citation = $"15 CFR 740.8 ({i})" })
            .First(r => ReasonFragments<Utf8Buffer>.SlotOf(r) == ReasonFragments<Utf8Buffer>.SlotOf(rule));
        var id = Enumerable.Range(0, 10_000).Select(i => rule with { RuleId = $"B{i + 2}" })
            .First(r => ReasonFragments<Utf8Buffer>.SlotOf(r) == ReasonFragments<Utf8Buffer>.SlotOf(rule));
        foreach (var r in new[] { rule, citation, rule, id, rule, rule with { Exception = null }, rule, rule with { Decision = Decision.Hold }, rule })
            Assert.Equal($"{r.RuleId}|{r.Decision}|{r.Exception}||{r.Citation}", Text(r));
    }

    [Fact]
    public void ManyRules_SharingSlotsAndStrings_EachGetTheirOwn()
    {
        // Far more reasons than slots; each pair shares some of its strings (the same objects) with many others.
        var ids = Enumerable.Range(0, 7).Select(i => $"R{i}").ToArray();
        var citations = Enumerable.Range(0, 11).Select(i => $"cite {i}").ToArray();
        var exceptions = new[] { null, "NAC", "LPP" };
        var reasons = Enumerable.Range(0, 1000)
            .Select(i => new Reason(ids[i % 7], (Decision)(i / 7 % 5), exceptions[i / 35 % 3], citations[i / 105 % 11], "m")).ToArray();
        for (var round = 0; round < 3; round++)
            foreach (var r in reasons)
                Assert.Equal($"{r.RuleId}|{r.Decision}|{r.Exception}||{r.Citation}", Text(r));
    }
}
