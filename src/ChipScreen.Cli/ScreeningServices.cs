using ChipScreen.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChipScreen.Cli;

/// <summary>Composes what <c>chipscreen screen</c> uses through <c>AddChipScreen</c>, as any host of the library does.</summary>
internal static class ScreeningServices
{
    /// <summary>The settings <c>screen</c> fills from its arguments, with the option the user typed for each.</summary>
    private static readonly IReadOnlyDictionary<string, string> ScreenArguments = new Dictionary<string, string>
    {
        [nameof(ChipScreen.Service.ChipScreenOptions.RulesDirectory)] = "--rules",
        [nameof(ChipScreen.Service.ChipScreenOptions.PackId)] = "--pack",
    };

    /// <summary>The failures of <paramref name="e"/>, each that names a setting given on the command line naming the option
    /// instead (<c>--pack '' is not a pack id</c>, not <c>ChipScreen:PackId '' ...</c>): the user typed the option, not the key.</summary>
    internal static OptionsValidationException AsArguments(OptionsValidationException e, IReadOnlyDictionary<string, string> arguments)
    {
        var failures = e.Failures.Select(failure =>
        {
            foreach (var (setting, option) in arguments)
            {
                var key = $"{ChipScreen.Service.ChipScreenOptions.SectionName}:{setting}";
                if (failure.StartsWith(key, StringComparison.Ordinal) && failure.Length > key.Length && failure[key.Length] is ' ' or ':')
                    return option + failure[key.Length..];
            }
            return failure;
        }).ToList();
        return new OptionsValidationException(e.OptionsName, e.OptionsType, failures);
    }

    /// <summary>A container for one run: options from the arguments, no reload; validated before it is returned.</summary>
    /// <exception cref="OptionsValidationException">An argument is out of range (the CLI's exit code 2).</exception>
    public static ServiceProvider For(RunRequest request)
    {
        var services = new ServiceCollection();
        services.AddChipScreen(options =>
        {
            options.RulesDirectory = request.RulesDirectory;
            options.PackId = request.PackId;
            options.AsOf = request.AsOf;
            options.ReloadOnChange = false;
            options.PartyLists = [.. request.Lists];
        });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return provider;
        }
        catch (OptionsValidationException e)
        {
            provider.Dispose();
            throw AsArguments(e, ScreenArguments);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }
}
