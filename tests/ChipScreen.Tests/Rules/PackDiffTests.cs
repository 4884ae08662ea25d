using ChipScreen.Orders;
using ChipScreen.Rules;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Rules;

/// <summary><see cref="PackDiff"/> (<c>chipscreen rules diff</c>): the lines whose decision changes between two packs, with
/// both sets of reasons and counts by change.</summary>
public class PackDiffTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    private static PackDiffResult Diff(string from, string to, string sample = "apac-distributor-2026-h1.csv") =>
        PackDiff.Compare(RulePackLoader.Load(Repo.Rules, from, AsOf), RulePackLoader.Load(Repo.Rules, to, AsOf),
            new OrderCsvFile(Path.Combine(Repo.Samples, sample)), AsOf);

    [Fact]
    public void FromAiDiffusionToUs2026_H20ToChinaNeedsALicense_AndH200ToChinaIsNoLongerProhibited()
    {
        var diff = Diff("ai-diffusion-2025", "us-2026");
        var h20 = diff.Changes.Where(c => c.After.Facts.Sku == "H20-96GB" && c.After.Destination == "CN").ToList();
        var h200 = diff.Changes.Where(c => c.After.Facts.Sku == "H200-SXM-141GB" && c.After.Destination == "CN" && c.After.Facts.HqCountry.Length == 0 && c.After.Facts.ShipTo == "CN").ToList();
        Assert.True(h20.Count >= 3);
        Assert.True(h200.Count >= 2);
        Assert.All(h20, c => Assert.Equal("NLR -> LICENSE_REQUIRED", c.Change));
        Assert.All(h20, c => Assert.Equal("K1", c.After.RuleIds));
        Assert.All(h200, c => Assert.Equal("PROHIBITED -> LICENSE_REQUIRED", c.Change));
        Assert.All(h200, c => Assert.Equal(("A1", "K2"), (c.Before.RuleIds, c.After.RuleIds)));

        Assert.Equal(diff.Changes.Count, diff.Counts.Sum(c => c.Value));
        Assert.True(diff.Counts.Single(c => c.Key == "NLR -> LICENSE_REQUIRED").Value >= 3);
        Assert.True(diff.Counts.Single(c => c.Key == "PROHIBITED -> LICENSE_REQUIRED").Value >= 3); // also the MI325X to Macau

        var text = diff.ToText();
        Assert.Contains("ai-diffusion-2025 -> us-2026, as of 2026-06-30:", text);
        Assert.Contains("(H20-96GB x 400 to CN): NLR -> LICENSE_REQUIRED", text);
        Assert.Contains("  ai-diffusion-2025: N1 [", text);
        Assert.Contains("  us-2026: K1 [", text);
        Assert.Contains("(H200-SXM-141GB x 256 to CN): PROHIBITED -> LICENSE_REQUIRED", text);
    }

    [Fact]
    public void AnEndUserHeadquarteredInChina_StaysProhibited()
    {
        var diff = Diff("ai-diffusion-2025", "us-2026");
        Assert.DoesNotContain(diff.Changes, c => c.After.OrderId == "SO-260122"); // H200 for a Chinese-headquartered end user: H1 both
    }

    [Fact]
    public void ThePackAgainstItself_ChangesNothing()
    {
        var diff = Diff("us-2026", "us-2026");
        Assert.Empty(diff.Changes);
        Assert.Equal(50, diff.Lines);
    }

    [Fact]
    public void Json_HasCountsAndBothSides()
    {
        using var json = System.Text.Json.JsonDocument.Parse(Diff("ai-diffusion-2025", "us-2026").ToJson());
        Assert.True(json.RootElement.GetProperty("counts").GetProperty("NLR -> LICENSE_REQUIRED").GetInt32() >= 3);
        var first = json.RootElement.GetProperty("changes")[0];
        Assert.Equal("NLR", first.GetProperty("before").GetProperty("decision").GetString());
        Assert.Equal("LICENSE_REQUIRED", first.GetProperty("after").GetProperty("decision").GetString());
        Assert.StartsWith("K1 [", first.GetProperty("after").GetProperty("reasons")[0].GetString());
    }
}
