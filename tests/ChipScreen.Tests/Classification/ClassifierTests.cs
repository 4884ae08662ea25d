using ChipScreen.Classification;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Classification;

public class ClassifierTests
{
    private static ClassificationThresholds Thresholds => Screen.Pack.Classification;

    private static ChipClass Classify(decimal tpp, decimal? die, bool datacenter = true, int chipsPerUnit = 1) =>
        Classifier.Classify(tpp, die, datacenter, chipsPerUnit, Thresholds);

    [Theory]
    [InlineData(4800, 10000, "3A090.a")]   // TPP alone settles .a, whatever the PD (0.48)
    [InlineData(4799, 10000, null)]        // PD 0.48: neither .a nor .b
    [InlineData(4799, 811, "3A090.b")]     // PD 5.9173 < 5.92
    public void TppThresholdOf4800(decimal tpp, decimal die, string? expected) =>
        Assert.Equal(expected, Classify(tpp, die).Eccn?.Value);

    [Theory]
    [InlineData(2960, 500, "3A090.a")]  // PD exactly 5.92
    [InlineData(2955, 500, "3A090.b")]  // PD 5.91
    [InlineData(1600, 270, "3A090.a")]  // PD 5.926, TPP at the 1,600 floor
    [InlineData(1599, 100, null)]       // below 1,600 nothing applies
    public void PdThresholdOf592(decimal tpp, decimal die, string? expected) =>
        Assert.Equal(expected, Classify(tpp, die).Eccn?.Value);

    [Theory]
    [InlineData(2000, 625, "3A090.b")]     // PD exactly 3.2 with TPP >= 1,600
    [InlineData(2000, 626.96, null)]       // PD 3.19: below 3.2, and TPP < 2,400
    public void PdThresholdOf32(decimal tpp, decimal die, string? expected) =>
        Assert.Equal(expected, Classify(tpp, die).Eccn?.Value);

    [Theory]
    [InlineData(2400, 1500, "3A090.b")]  // TPP 2,400 with PD exactly 1.6
    [InlineData(2399, 1499.375, null)]   // TPP 2,399: the 1.6 band does not apply, PD 1.6 < 3.2
    [InlineData(2400, 1500.1, null)]     // PD 1.5999 < 1.6
    public void TppThresholdOf2400(decimal tpp, decimal die, string? expected) =>
        Assert.Equal(expected, Classify(tpp, die).Eccn?.Value);

    [Fact]
    public void NonDatacenterPartBelow4800_IsOutside3A090()
    {
        var chip = Classify(4707, 609, datacenter: false);
        Assert.Equal(ControlLevel.None, chip.Level);
        Assert.Contains("not a datacenter part", chip.Basis);
    }

    [Fact]
    public void NonDatacenterPartAt4800_Is3A090a() =>
        Assert.Equal("3A090.a", Classify(4800, 609, datacenter: false).Eccn?.Value);

    [Fact]
    public void UnitHoldingSeveralChips_Is4A090()
    {
        Assert.Equal("4A090.a", Classify(15832, 814, chipsPerUnit: 8).Eccn?.Value);
        Assert.Equal("4A090.b", Classify(2896, 789, chipsPerUnit: 8).Eccn?.Value);
    }

    [Theory]
    [InlineData(1600)]
    [InlineData(3000)]
    [InlineData(4799)]
    public void DatacenterChipBetween1600And4800WithoutDieArea_IsUnsettled(decimal tpp)
    {
        var chip = Classify(tpp, null);
        Assert.True(chip.Unsettled);
        Assert.Null(chip.Eccn);
    }

    [Theory]
    [InlineData(1599, false)]
    [InlineData(4800, false)]
    public void WithoutDieArea_TppOutsideThePdBandsIsSettled(decimal tpp, bool unsettled) =>
        Assert.Equal(unsettled, Classify(tpp, null).Unsettled);

    [Fact]
    public void Basis_ShowsTheValuesThatDecided() =>
        Assert.Equal("TPP 15,832 >= 4,800", Classify(15832, 814).Basis);

    [Theory]
    [InlineData("0.0001", null, "TPP 0.0001 meets no 3A090 criterion")] // was "TPP 0": a chip with no TPP at all
    [InlineData("0.0001", "814", "TPP 0.0001 and PD 0.00000012 meet no 3A090 criterion")] // PD was "0.0000"
    [InlineData("4799.999", "10000", "TPP 4,799.999 and PD 0.4799 meet no 3A090 criterion")] // was "TPP 4,800", past the 4,800 threshold
    [InlineData("1.5", "814", "TPP 1.5 and PD 0.0018 meet no 3A090 criterion")]
    public void Basis_NeverRoundsAFigureToAValueItIsNot(string tpp, string? die, string basis) =>
        Assert.Equal(basis, Classify(decimal.Parse(tpp, System.Globalization.CultureInfo.InvariantCulture),
            die is null ? null : decimal.Parse(die, System.Globalization.CultureInfo.InvariantCulture), datacenter: true).Basis);
}
