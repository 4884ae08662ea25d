using ChipScreen.Classification;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Catalog;

public class ChipCatalogTests
{
    // regulations.md section 1: every catalog chip and the class the table gives it ("" = outside 3A090).
    [Theory]
    [InlineData("H100-SXM5-80GB", "3A090.a")]
    [InlineData("H100-PCIE-80GB", "3A090.a")]
    [InlineData("H100-NVL-94GB", "3A090.a")]
    [InlineData("H800-SXM5-80GB", "3A090.a")]
    [InlineData("H200-SXM-141GB", "3A090.a")]
    [InlineData("GH200-96GB", "3A090.a")]
    [InlineData("H20-96GB", "")]
    [InlineData("A100-SXM4-80GB", "3A090.a")]
    [InlineData("A800-SXM4-80GB", "3A090.a")]
    [InlineData("B200-180GB", "3A090.a")]
    [InlineData("L40S-48GB", "3A090.a")]
    [InlineData("L40-48GB", "3A090.b")]
    [InlineData("L20-48GB", "")]
    [InlineData("L4-24GB", "3A090.a")]
    [InlineData("A40-48GB", "3A090.b")]
    [InlineData("RTX4090-24GB", "3A090.a")]
    [InlineData("RTX4090D-24GB", "")]
    [InlineData("MI210-64GB", "3A090.b")]
    [InlineData("MI250X-128GB", "3A090.a")]
    [InlineData("MI300X-192GB", "3A090.a")]
    [InlineData("MI325X-256GB", "3A090.a")]
    [InlineData("GAUDI2-96GB", "3A090.a")]
    [InlineData("GAUDI3-128GB", "3A090.a")]
    [InlineData("ASCEND-910B", "3A090.a")]
    [InlineData("ASCEND-910C", "3A090.a")]
    [InlineData("HGX-H100-8GPU", "4A090.a")]
    [InlineData("DGX-B200", "4A090.a")]
    [InlineData("MI300X-OAM-8", "4A090.a")]
    public void CatalogChip_ClassifiesAsTheRegulationsTableSays(string sku, string expected)
    {
        Assert.True(Screen.Pack.Catalog.TryFind(sku, out var spec), $"{sku} is not in the catalog");
        var chip = Classifier.Classify(spec.Tpp, spec.DieAreaMm2, spec.Datacenter, spec.ChipsPerUnit, Screen.Pack.Classification);
        Assert.False(chip.Unsettled);
        Assert.Equal(expected, chip.Eccn?.Value ?? "");
    }

    [Fact]
    public void EveryEntry_IsCoveredByTheTableAbove()
    {
        var tested = typeof(ChipCatalogTests).GetMethod(nameof(CatalogChip_ClassifiesAsTheRegulationsTableSays))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).First()[0]).ToHashSet();
        var untested = Screen.Pack.Catalog.Chips.Select(c => c.Sku).Where(s => !tested.Contains(s)).ToList();
        Assert.True(untested.Count == 0, "catalog entries without an expected class: " + string.Join(", ", untested));
    }

    [Fact]
    public void EveryEntry_NamesItsSource() =>
        Assert.All(Screen.Pack.Catalog.Chips, c => Assert.False(string.IsNullOrWhiteSpace(c.Source)));

    [Fact]
    public void Systems_CountTheirChips()
    {
        Assert.True(Screen.Pack.Catalog.TryFind("HGX-H100-8GPU", out var hgx));
        Assert.Equal(8, hgx.ChipsPerUnit);
        Assert.True(Screen.Pack.Catalog.TryFind("hgx-h100-8gpu", out _)); // SKUs match ignoring case
    }
}
