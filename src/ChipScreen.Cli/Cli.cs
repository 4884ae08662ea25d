using System.CommandLine;
using ChipScreen.Orders;
using ChipScreen.Rules;

namespace ChipScreen.Cli;

/// <summary>The <c>chipscreen</c> command line: parses arguments, calls the library, maps failures to exit codes.</summary>
/// <remarks>Exit codes: 0 done (whatever the decisions), 1 unexpected failure, 2 unusable arguments, rules or input.</remarks>
internal static class Cli
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Unusable = 2;

    /// <summary>Stopped by Ctrl+C or SIGTERM (128 + SIGINT, as a shell reports it).</summary>
    public const int Interrupted = 130;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("ChipScreen: export-compliance screening of advanced AI chip orders (ECCN 3A090/4A090). Not legal advice.")
        {
            ScreenCommand.Create(stdout, stderr),
            VerifyCommand.Create(stdout),
            LedgerCommand.Create(stdout),
            PartiesCommand.Create(stdout),
            ServeCommand.Create(stdout),
            RulesCommand.Create(stdout),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                await stderr.WriteLineAsync($"chipscreen: {error.Message}");
            await stderr.WriteLineAsync("Run 'chipscreen --help' for usage.");
            return Unusable;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (RulePackException e)
        {
            await stderr.WriteLineAsync($"chipscreen: the rules cannot be used ({e.Errors.Count} error{(e.Errors.Count == 1 ? "" : "s")}):");
            foreach (var error in e.Errors)
                await stderr.WriteLineAsync($"  {error}");
            return Unusable;
        }
        catch (OrderFileException e)
        {
            await stderr.WriteLineAsync($"chipscreen: {e.Message}");
            return Unusable;
        }
        catch (Parties.PartyListException e)
        {
            await stderr.WriteLineAsync($"chipscreen: {e.Message}");
            return Unusable;
        }
        catch (Runs.RunOutputException e)
        {
            await stderr.WriteLineAsync($"chipscreen: {e.Message}");
            return Unusable;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
                await stderr.WriteLineAsync($"chipscreen: {failure}");
            return Unusable;
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync($"chipscreen: {e.Message}");
            return Unusable;
        }
        catch (Ledger.LedgerException e)
        {
            await stderr.WriteLineAsync($"chipscreen: {e.Message} ({e.Code})");
            return Ledger.LedgerErrorCodes.IsUsage(e.Code) ? Unusable : Failed;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("chipscreen: interrupted; nothing was written, logged or committed");
            return Interrupted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"chipscreen: {e.Message}");
            return Failed;
        }
        catch (Exception e)
        {
            await stderr.WriteLineAsync($"chipscreen: unexpected failure: {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("CHIPSCREEN_DEBUG") == "1")
                await stderr.WriteLineAsync(e.ToString());
            else
                await stderr.WriteLineAsync("Set CHIPSCREEN_DEBUG=1 to see the stack trace.");
            return Failed;
        }
    }
}

/// <summary>An argument that parses but cannot be used (a bad date).</summary>
internal sealed class UsageException(string message) : Exception(message);
