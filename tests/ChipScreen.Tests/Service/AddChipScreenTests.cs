using ChipScreen.Runs;
using ChipScreen.Service;
using ChipScreen.Tests.Support;
using ChipScreen.Volumes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
    public void StartUpValidation_LoadsThePackOnce_AndTheScreenerServesThatPack()
    {
        var logs = new CountingLoggers();
        var services = new ServiceCollection().AddSingleton<ILoggerFactory>(logs).AddChipScreen(Repository).AddChipScreen(Repository);
        Assert.Single(services, d => d.ServiceType == typeof(IStartupValidator));
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(1, logs.PacksLoaded);
        var screener = provider.GetRequiredService<IOrderScreener>();
        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(1, logs.PacksLoaded); // shared with the screener, not loaded again
        Assert.Equal(provider.GetRequiredService<IRulePackSource>().Current.Identity, screener.Pack);
    }

    [Theory]
    [InlineData(false, "the rules directory does not exist")]
    [InlineData(true, "the rules directory is a file, not a directory")]
    public void AnUnusableRulesDirectory_FailsStartUpValidation_SayingWhatItIs(bool file, string message)
    {
        using var dir = new TempDir();
        var rules = file ? dir.Write("rules.json", "{}") : dir.File("nonexistent");
        using var provider = new ServiceCollection().AddChipScreen(o => { o.RulesDirectory = rules; o.AsOf = Screen.AsOf; }).BuildServiceProvider();
        var e = Assert.Throws<ChipScreen.Rules.RulePackException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.StartsWith(message, e.Errors.Single().Message, StringComparison.Ordinal);
        Assert.StartsWith(message, ChipScreen.Rules.RulesValidator.Validate(rules).Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsOutOfRange_AreReportedBeforeThePackIsLoaded()
    {
        using var provider = new ServiceCollection().AddChipScreen(o => { o.RulesDirectory = "/nonexistent"; o.MaxBatchLines = 0; }).BuildServiceProvider();
        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Equal(["ChipScreen:MaxBatchLines is 0; allowed 1 to 1000000"], e.Failures);
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

    /// <summary>Counts the "Rule pack {Pack} loaded" events (ChipScreen.Rules, event 1).</summary>
    private sealed class CountingLoggers : ILoggerFactory
    {
        private int _loaded;

        public int PacksLoaded => Volatile.Read(ref _loaded);

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        private sealed class Logger(CountingLoggers owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (eventId.Id == 1 && formatter(state, exception).StartsWith("Rule pack ", StringComparison.Ordinal))
                    Interlocked.Increment(ref owner._loaded);
            }
        }
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
