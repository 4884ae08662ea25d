using ChipScreen.Runs;
using ChipScreen.Service;
using ChipScreen.Tests.Support;
using ChipScreen.Volumes;
using Microsoft.Extensions.DependencyInjection;

namespace ChipScreen.Tests.Service;

public class AddChipScreenTests
{
    private static Action<ChipScreenOptions> Repository => o =>
    {
        o.RulesDirectory = Repo.Rules;
        o.AsOf = Screen.AsOf;
    };

    [Fact]
    public void CalledTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection().AddChipScreen(Repository).AddChipScreen(Repository);
        Assert.Single(services, d => d.ServiceType == typeof(IOrderScreener));
        Assert.Single(services, d => d.ServiceType == typeof(IRulePackSource));
        Assert.Single(services, d => d.ServiceType == typeof(FileScreening));
        Assert.Single(services, d => d.ServiceType == typeof(Microsoft.Extensions.Options.IValidateOptions<ChipScreenOptions>));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Assert.Same(provider.GetRequiredService<IOrderScreener>(), provider.GetRequiredService<IOrderScreener>());
    }

    [Fact]
    public async Task TheHostsOwnClockAndBaseline_AreKept()
    {
        var clock = new FixedClock(new DateTimeOffset(2025, 7, 1, 12, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IVolumeBaseline>(new UsedUp());
        services.AddChipScreen(o => o.RulesDirectory = Repo.Rules);
        using var provider = services.BuildServiceProvider();
        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
        var result = await provider.GetRequiredService<IOrderScreener>().ScreenAsync(Screen.Line("IN"));
        Assert.Equal(new DateOnly(2025, 7, 1), result.AsOf); // today, from the host's clock
        Assert.Equal(ChipScreen.Screening.Decision.LicenseRequired, result.Decision); // the consignee's LPP volume is used up
    }

    [Fact]
    public void ABrokenPack_FailsWhenTheScreenerIsFirstResolved()
    {
        using var rules = TempDir.WithRules();
        rules.Edit("ai-diffusion-2025/workflows/decision-table.json", "line.Volume.ConsigneeYearFits\"", "line.Volume.ConsigneeYearFitz\"");
        // The broken file is ai-diffusion-2025's, so that pack is named (today another pack may be in force).
        using var provider = new ServiceCollection().AddChipScreen(o => { o.RulesDirectory = rules.Rules; o.PackId = "ai-diffusion-2025"; }).BuildServiceProvider();
        var e = Assert.Throws<ChipScreen.Rules.RulePackException>(() => provider.GetRequiredService<IOrderScreener>());
        Assert.Contains(e.Errors, x => x.RuleId == "A4");
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    private sealed class UsedUp : IVolumeBaseline
    {
        public decimal ConsigneeYear(string consigneeKey, int year) => 26_900_000;

        public decimal CountryAllocation(string country, string period) => 0;
    }
}
