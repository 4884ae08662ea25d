using ChipScreen.Service;
using ChipScreen.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChipScreen.Tests.Service;

/// <summary>Without a pack id, the pack in force on each call's as-of date screens: a server running across the day a
/// new pack takes effect switches to it.</summary>
public class PackInForceTests
{
    [Fact]
    public async Task WhenTheDatePassesAPacksEnd_TheNextPackInForceServes()
    {
        using var rules = TempDir.WithRules();
        rules.Edit("ai-diffusion-2025/pack.json", "\"effective_to\": \"2026-01-15\"", "\"effective_to\": \"2026-01-01\"");
        var next = Path.Combine(rules.Rules, "ai-diffusion-2026");
        foreach (var file in Directory.GetFiles(Path.Combine(rules.Rules, "ai-diffusion-2025"), "*.json", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(next, Path.GetRelativePath(Path.Combine(rules.Rules, "ai-diffusion-2025"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!); // workflows/, tests/, tests/lists/
            File.Copy(file, copy);
        }
        // It ends where us-2026 begins: pack windows may not overlap.
        rules.Edit("ai-diffusion-2026/pack.json", "\"effective_to\": \"2026-01-01\"", "\"effective_to\": \"2026-01-15\"");
        rules.Edit("ai-diffusion-2026/pack.json", "\"id\": \"ai-diffusion-2025\"", "\"id\": \"ai-diffusion-2026\"");
        rules.Edit("ai-diffusion-2026/pack.json", "\"effective_from\": \"2025-01-13\"", "\"effective_from\": \"2026-01-01\"");

        var clock = new MovableClock(new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddChipScreen(o => o.RulesDirectory = rules.Rules);
        using var provider = services.BuildServiceProvider();
        var screener = provider.GetRequiredService<IOrderScreener>();

        Assert.Equal("ai-diffusion-2025", (await screener.ScreenAsync(Screen.Line())).Pack.Id);
        clock.Now = clock.Now.AddHours(2);
        var result = await screener.ScreenAsync(Screen.Line());
        Assert.Equal(("ai-diffusion-2026", new DateOnly(2026, 1, 1)), (result.Pack.Id, result.AsOf));
        Assert.Equal(PackReloadOutcome.Loaded, provider.GetRequiredService<IRulePackSource>().Status.LastReload?.Outcome);
    }

    [Fact]
    public async Task WhenADatedGroupChangeTakesEffect_ThePackIsLoadedAgainWithIt()
    {
        var clock = new MovableClock(new DateTimeOffset(2026, 7, 9, 23, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddChipScreen(o => o.RulesDirectory = Repo.Rules);
        using var provider = services.BuildServiceProvider();
        var screener = provider.GetRequiredService<IOrderScreener>();
        var toUae = Screen.Line("AE", shipDate: new DateOnly(2026, 7, 9));

        var before = await screener.ScreenAsync(toUae);
        Assert.Equal(("us-2026", ChipScreen.Screening.Decision.LicenseRequired), (before.Pack.Id, before.Decision)); // D:4: L1
        clock.Now = clock.Now.AddHours(2);
        var after = await screener.ScreenAsync(toUae with { ShipDate = new DateOnly(2026, 7, 10) });
        Assert.Equal(("us-2026", ChipScreen.Screening.Decision.Nlr), (after.Pack.Id, after.Decision)); // A:5 since 2026-07-10
        Assert.NotEqual(before.Pack.Revision, after.Pack.Revision);
    }

    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
