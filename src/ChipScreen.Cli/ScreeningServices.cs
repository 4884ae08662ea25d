using ChipScreen.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChipScreen.Cli;

/// <summary>Composes what <c>chipscreen screen</c> uses through <c>AddChipScreen</c>, as any host of the library does.</summary>
internal static class ScreeningServices
{
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
        catch
        {
            provider.Dispose();
            throw;
        }
    }
}
