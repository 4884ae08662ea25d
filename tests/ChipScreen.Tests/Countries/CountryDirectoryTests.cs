using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Countries;

public class CountryDirectoryTests
{
    [Theory]
    [InlineData("CN", "CN")]
    [InlineData("cn", "CN")]
    [InlineData("China", "CN")]
    [InlineData("PRC", "CN")]
    [InlineData("Hong Kong", "CN")]   // the EAR treat Hong Kong as China
    [InlineData("HK", "CN")]
    [InlineData("Hong Kong SAR", "CN")]
    [InlineData("Macau", "MO")]
    [InlineData("Macao", "MO")]
    [InlineData("UK", "GB")]
    [InlineData("United Kingdom", "GB")]
    [InlineData("UAE", "AE")]
    [InlineData("Viet Nam", "VN")]
    [InlineData("Vietnam", "VN")]
    [InlineData("Deutschland", "DE")]
    [InlineData("Türkiye", "TR")]
    [InlineData("Turkiye", "TR")]
    [InlineData("KSA", "SA")]
    [InlineData("USA", "US")]
    [InlineData(" Germany ", "DE")]
    public void CommonNames_ResolveToIsoCodes(string text, string expected)
    {
        var place = Screen.Pack.Countries.Resolve(text, out var problem);
        Assert.Null(problem);
        Assert.Equal(expected, place.Code);
    }

    [Theory]
    [InlineData("Korea", "KP or KR")]
    [InlineData("Congo", "CD or CG")]
    public void AmbiguousNames_DoNotResolve(string text, string expected)
    {
        var place = Screen.Pack.Countries.Resolve(text, out var problem);
        Assert.False(place.Known);
        Assert.Contains(expected, problem);
    }

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("XX")]
    public void UnknownNames_DoNotResolve(string text)
    {
        Assert.False(Screen.Pack.Countries.Resolve(text, out var problem).Known);
        Assert.Contains("not a country", problem);
    }

    [Theory]
    [InlineData("US", 1)]
    [InlineData("DE", 1)]
    [InlineData("TW", 1)]
    [InlineData("IN", 2)]
    [InlineData("AE", 2)]
    [InlineData("SG", 2)]
    [InlineData("CN", 3)]
    [InlineData("MO", 3)]
    [InlineData("RU", 3)]
    [InlineData("CU", 3)]
    public void Tiers_AreThoseOfTheFramework(string code, int tier) =>
        Assert.Equal(tier, Screen.Pack.Countries.PlaceOf(code).Tier);

    [Fact]
    public void Tier1_IsTheUsAnd18Partners_AndTheUsTerritoriesScreenAsTheUs()
    {
        var tier1 = Screen.Pack.Countries.Directory.Countries.Select(c => c.Code.Value).Where(c => Screen.Pack.Countries.PlaceOf(c).Tier == 1).ToList();
        Assert.Equal(25, tier1.Count);
        // 15 CFR 772.1: the United States includes Puerto Rico and the territories (treat_as, as Hong Kong is China).
        Assert.Equal(["AS", "GU", "MP", "PR", "UM", "VI"], tier1.Where(c => Screen.Pack.Countries.TreatedAs(c) == "US" && c != "US").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Groups_KeepTheirMembersAndMacauIsNotInD5()
    {
        var groups = Screen.Pack.Countries;
        Assert.True(groups.PlaceOf("CN").In("D:5"));
        Assert.False(groups.PlaceOf("MO").In("D:5"));
        Assert.True(groups.PlaceOf("IL").In("A:6"));
        Assert.True(groups.PlaceOf("IL").In("D:4"));
        Assert.Equal(["BY", "CU", "IR", "KP", "RU", "SY"], groups.Members("embargoed").Order());
    }
}
