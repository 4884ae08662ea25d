using ChipScreen.Runs;
using ChipScreen.Service;
using ChipScreen.Volumes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ChipScreen in a service collection: <c>services.AddChipScreen(...)</c>.</summary>
public static class ChipScreenServiceCollectionExtensions
{
    /// <summary>Registers ChipScreen with options bound from <paramref name="configuration"/> (usually the
    /// <c>ChipScreen</c> section; keys are the <see cref="ChipScreenOptions"/> property names).</summary>
    /// <remarks>A key that names no option, or holds a value of the wrong kind ("AsOf": "2026-02-30"), fails at start-up
    /// with the values out of range, all in one <see cref="OptionsValidationException"/>, so a misspelt setting cannot
    /// silently fall back to its default.</remarks>
    public static IServiceCollection AddChipScreen(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var binding = new ChipScreenConfiguration(configuration);
        services.AddOptions<ChipScreenOptions>().Configure(binding.Bind);
        services.AddSingleton<IValidateOptions<ChipScreenOptions>>(binding);
        return services.AddChipScreenCore();
    }

    /// <summary>Registers ChipScreen with options set in code.</summary>
    public static IServiceCollection AddChipScreen(this IServiceCollection services, Action<ChipScreenOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ChipScreenOptions>().Configure(configure);
        return services.AddChipScreenCore();
    }

    /// <summary>The registrations both overloads share; each uses <c>TryAdd</c>, so calling twice registers once.</summary>
    /// <remarks>
    /// Registers <see cref="IOrderScreener"/>, <see cref="IRulePackSource"/> and <see cref="FileScreening"/> as singletons,
    /// <see cref="TimeProvider.System"/> and an empty <see cref="IVolumeBaseline"/> unless the host registered its own,
    /// and validates <see cref="ChipScreenOptions"/> at start-up (<c>ValidateOnStart</c>), then loads the rule pack there
    /// too (<see cref="IStartupValidator"/>), so an unusable pack stops the host from starting. Logs through the host's
    /// <see cref="ILoggerFactory"/> when there is one.
    /// </remarks>
    private static IServiceCollection AddChipScreenCore(this IServiceCollection services)
    {
        services.AddOptions<ChipScreenOptions>().ValidateOnStart();
        LoadPackAtStartUp(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChipScreenOptions>, ChipScreenOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IVolumeBaseline>(EmptyVolumeBaseline.Instance);
        services.TryAddSingleton<IRulePackSource>(sp => new RulePackSource(
            sp.GetRequiredService<IOptions<ChipScreenOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        services.TryAddSingleton<IOrderScreener, OrderScreener>();
        services.TryAddSingleton(sp => new FileScreening(sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>Makes the start-up validation (<see cref="IStartupValidator"/>, which a host runs as it starts) load the rule
    /// pack after it has validated every option: the <see cref="IRulePackSource"/> singleton it resolves is the one the
    /// screener serves from, so the pack is loaded once, and a pack or rules directory that cannot be used throws
    /// <see cref="ChipScreen.Rules.RulePackException"/> there rather than at the first screening.</summary>
    private static void LoadPackAtStartUp(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(PackLoadedAtStartUp)))
            return;
        services.AddSingleton<PackLoadedAtStartUp>();
        // ValidateOnStart registered the options' validator (or the host its own): wrap it.
        var index = -1;
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i].ServiceType == typeof(IStartupValidator) && !services[i].IsKeyedService)
                index = i;
        }
        var options = services[index];
        services[index] = ServiceDescriptor.Describe(typeof(IStartupValidator), sp => new PackLoadedAtStartUp.Validator(Create(sp, options), sp), options.Lifetime);
    }

    private static IStartupValidator Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IStartupValidator)(descriptor.ImplementationInstance ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    /// <summary>Marks a collection whose start-up validation loads the pack (so that a second <c>AddChipScreen</c> does not wrap it again).</summary>
    private sealed class PackLoadedAtStartUp
    {
        /// <summary>The options' validation, then the pack.</summary>
        public sealed class Validator(IStartupValidator options, IServiceProvider services) : IStartupValidator
        {
            public void Validate()
            {
                options.Validate();
                _ = services.GetRequiredService<IRulePackSource>();
            }
        }
    }
}
