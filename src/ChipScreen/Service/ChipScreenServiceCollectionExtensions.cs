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
    /// <remarks>A key that names no option fails at start-up, so a misspelt setting cannot silently fall back to its default.</remarks>
    public static IServiceCollection AddChipScreen(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ChipScreenOptions>().Bind(configuration, binder => binder.ErrorOnUnknownConfiguration = true);
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
    /// and validates <see cref="ChipScreenOptions"/> at start-up (<c>ValidateOnStart</c>). Logs through the host's
    /// <see cref="ILoggerFactory"/> when there is one.
    /// </remarks>
    private static IServiceCollection AddChipScreenCore(this IServiceCollection services)
    {
        services.AddOptions<ChipScreenOptions>().ValidateOnStart();
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
}
