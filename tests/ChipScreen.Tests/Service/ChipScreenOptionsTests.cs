using ChipScreen.Service;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChipScreen.Tests.Service;

public class ChipScreenOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new ChipScreenOptions();
        Assert.Equal("rules", options.RulesDirectory);
        Assert.Null(options.PackId);
        Assert.Null(options.AsOf);
        Assert.Equal(0, options.DegreeOfParallelism);
        Assert.False(options.ReloadOnChange);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.ReloadDebounce);
        Assert.Equal(100_000, options.MaxBatchLines);
        Assert.Null(options.Ledger);
        Assert.True(new ChipScreenOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void EveryValueOutOfRange_IsReportedAtOnce_NamingItsKeyAndRange()
    {
        var services = new ServiceCollection().AddChipScreen(o =>
        {
            o.RulesDirectory = " ";
            o.PackId = "../etc";
            o.DegreeOfParallelism = 65;
            o.ReloadDebounce = TimeSpan.FromMilliseconds(10);
            o.MaxBatchLines = 0;
            o.Ledger = "Host=db;Username=x;Pasword=typo";
        });
        using var provider = services.BuildServiceProvider();
        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Collection(e.Failures,
            f => Assert.StartsWith("ChipScreen:RulesDirectory is empty", f),
            f => Assert.StartsWith("ChipScreen:PackId '../etc' is not a pack id", f),
            f => Assert.Equal("ChipScreen:DegreeOfParallelism is 65; allowed 0 (one per processor) to 64", f),
            f => Assert.Equal("ChipScreen:ReloadDebounce is 00:00:00.0100000; allowed 00:00:00.0500000 to 00:01:00", f),
            f => Assert.Equal("ChipScreen:MaxBatchLines is 0; allowed 1 to 1000000", f),
            f => Assert.StartsWith("ChipScreen:Ledger: Location: ", f));
    }

    [Fact]
    public void Configuration_BindsEveryKey()
    {
        var configuration = Configuration(new()
        {
            ["ChipScreen:RulesDirectory"] = "/srv/rules",
            ["ChipScreen:PackId"] = "ai-diffusion-2025",
            ["ChipScreen:AsOf"] = "2025-12-31",
            ["ChipScreen:DegreeOfParallelism"] = "2",
            ["ChipScreen:ReloadOnChange"] = "true",
            ["ChipScreen:ReloadDebounce"] = "00:00:02",
            ["ChipScreen:MaxBatchLines"] = "500",
            ["ChipScreen:Ledger"] = "/srv/ledger.db",
        });
        using var provider = new ServiceCollection().AddChipScreen(configuration.GetSection("ChipScreen")).BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<ChipScreenOptions>>().Value;
        Assert.Equal(("/srv/rules", "ai-diffusion-2025", new DateOnly(2025, 12, 31), 2, true, TimeSpan.FromSeconds(2), 500, "/srv/ledger.db"),
            (options.RulesDirectory, options.PackId, options.AsOf, options.DegreeOfParallelism, options.ReloadOnChange, options.ReloadDebounce, options.MaxBatchLines, options.Ledger));
    }

    [Fact]
    public void AMisspeltKey_FailsAtStartUp_RatherThanFallingBackToADefault()
    {
        var configuration = Configuration(new() { ["ChipScreen:RulesDir"] = "/srv/rules" });
        using var provider = new ServiceCollection().AddChipScreen(configuration.GetSection("ChipScreen")).BuildServiceProvider();
        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.StartsWith("ChipScreen:RulesDir is not a ChipScreen setting; the settings are RulesDirectory, ", Assert.Single(e.Failures));
    }

    [Fact]
    public void KeysThatCannotBeUsed_AreReportedAtOnce_WithTheValuesOutOfRange()
    {
        // The binder threw InvalidOperationException at the first of these, and a host saw one mistake at a time.
        var configuration = Configuration(new()
        {
            ["ChipScreen:RulesDir"] = "/srv/rules",
            ["ChipScreen:AsOf"] = "2026-02-30",
            ["ChipScreen:MaxBatchLines"] = "abc",
            ["ChipScreen:DegreeOfParallelism"] = "999",
        });
        using var provider = new ServiceCollection().AddChipScreen(configuration.GetSection("ChipScreen")).BuildServiceProvider();
        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Equal(
        [
            "ChipScreen:AsOf is '2026-02-30', which is not a date (YYYY-MM-DD)",
            "ChipScreen:DegreeOfParallelism is 999; allowed 0 (one per processor) to 64",
            "ChipScreen:MaxBatchLines is 'abc', which is not a whole number",
            "ChipScreen:RulesDir is not a ChipScreen setting; the settings are RulesDirectory, PackId, PartyLists, AsOf, DegreeOfParallelism, ReloadOnChange, ReloadDebounce, Ledger, MaxBatchLines",
        ], e.Failures.Order(StringComparer.Ordinal));
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
