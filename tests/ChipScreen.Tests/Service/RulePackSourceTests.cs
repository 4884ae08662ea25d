using ChipScreen.Rules;
using ChipScreen.Service;
using ChipScreen.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChipScreen.Tests.Service;

public class RulePackSourceTests
{
    private const string TermsFile = "ai-diffusion-2025/end-use-terms.json";

    private static ServiceProvider Provider(TempDir rules, bool reload = false) =>
        new ServiceCollection().AddChipScreen(o =>
        {
            o.RulesDirectory = rules.Rules;
            o.AsOf = Screen.AsOf;
            o.ReloadOnChange = reload;
            o.ReloadDebounce = TimeSpan.FromMilliseconds(100);
        }).BuildServiceProvider();

    [Theory]
    [InlineData("ac-2023", "2026-06-01", true)]
    [InlineData("us-2026", "2026-06-01", false)]
    public void APackIdOutOfForce_OnTheAsOfDate_IsLoggedAsAWarning(string packId, string asOf, bool warned)
    {
        var logs = new ListLogger();
        using var provider = new ServiceCollection()
            .AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(new Microsoft.Extensions.Logging.LoggerFactory([logs]))
            .AddChipScreen(o =>
            {
                o.RulesDirectory = Repo.Rules;
                o.PackId = packId;
                o.AsOf = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture);
            }).BuildServiceProvider();

        Assert.Equal(packId, provider.GetRequiredService<IRulePackSource>().Current.Identity.Id);

        var warning = $"Warning: PackId names a pack out of force: pack {packId} is in force from 2023-11-17 until 2025-01-13, not on the as-of date {asOf}";
        Assert.Equal(warned, logs.Lines.Any(l => l.StartsWith(warning, StringComparison.Ordinal)));
        Assert.Equal(warned, logs.Lines.Any(l => l.StartsWith("Warning:", StringComparison.Ordinal)));
    }

    [Fact]
    public void AValidEdit_IsLoaded_AndSwappedInWhole()
    {
        using var rules = TempDir.WithRules();
        using var provider = Provider(rules);
        var source = provider.GetRequiredService<IRulePackSource>();
        var before = source.Current;
        PackIdentity? changed = null;
        source.Changed += (_, pack) => changed = pack;

        rules.Edit(TermsFile, "\"nuclear\"]", "\"nuclear\", \"inference\"]");
        var reload = source.Reload();

        Assert.Equal(PackReloadOutcome.Loaded, reload.Outcome);
        Assert.NotEqual(before.Identity.Revision, source.Current.Identity.Revision);
        Assert.Equal(RulePackLoader.Load(rules.Rules, null, Screen.AsOf).Revision, source.Current.Identity.Revision);
        Assert.Equal(source.Current.Identity, changed);
        Assert.Equal(reload, source.Status.LastReload);
        var line = Screen.Line(endUse: "inference cluster");
        Assert.Equal(ChipScreen.Screening.Decision.LicenseException, before.Screener.ScreenOne(line, Screen.AsOf).Decision); // still the old pack
        Assert.Equal(ChipScreen.Screening.Decision.Hold, source.Current.Screener.ScreenOne(line, Screen.AsOf).Decision);
    }

    [Fact]
    public void ABrokenEdit_IsRejected_AndTheLastGoodPackKeepsServing()
    {
        using var rules = TempDir.WithRules();
        using var provider = Provider(rules);
        var source = provider.GetRequiredService<IRulePackSource>();
        var before = source.Current;

        rules.Edit("ai-diffusion-2025/workflows/decision-table.json", "line.Volume.ConsigneeYearFits\"", "line.Volume.ConsigneeYearFitz\"");
        var reload = source.Reload();

        Assert.Equal(PackReloadOutcome.Rejected, reload.Outcome);
        Assert.Same(before, source.Current);
        Assert.Equal(before.Identity, reload.Serving);
        Assert.Contains(reload.Errors, e => e.RuleId == "A4" && e.File == "ai-diffusion-2025/workflows/decision-table.json");
        Assert.Equal(PackReloadOutcome.Rejected, source.Status.LastReload?.Outcome);
    }

    [Fact]
    public void NothingChanged_IsUnchanged()
    {
        using var rules = TempDir.WithRules();
        using var provider = Provider(rules);
        var source = provider.GetRequiredService<IRulePackSource>();
        var before = source.Current;
        Assert.Equal(PackReloadOutcome.Unchanged, source.Reload().Outcome);
        Assert.Same(before, source.Current);
    }

    [Fact]
    public async Task WithReloadOnChange_AnEditedFileIsPickedUpAfterTheQuietPeriod()
    {
        using var rules = TempDir.WithRules();
        using var provider = Provider(rules, reload: true);
        var source = provider.GetRequiredService<IRulePackSource>();
        var before = source.Current.Identity.Revision;
        var changed = new TaskCompletionSource<PackIdentity>(TaskCreationOptions.RunContinuationsAsynchronously);
        source.Changed += (_, pack) => changed.TrySetResult(pack);

        rules.Edit(TermsFile, "\"nuclear\"]", "\"nuclear\", \"inference\"]");
        var pack = await changed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual(before, pack.Revision);
        Assert.Equal(pack, source.Current.Identity);
    }
}
