using System.CommandLine;
using System.Globalization;
using ChipScreen.Server;
using ChipScreen.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChipScreen.Cli;

/// <summary><c>chipscreen serve [--urls URL] [--rules DIR] [--pack ID] [--as-of DATE] [--ledger L] [--config FILE] [--no-reload]</c>:
/// the HTTP API for ERP integrations, until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter stdout)
    {
        var urls = new Option<string>("--urls") { Description = $"Where to listen, separated by ';' (default {ChipScreenServer.DefaultUrls}: this machine only).", DefaultValueFactory = _ => ChipScreenServer.DefaultUrls };
        var rules = new Option<string?>("--rules") { Description = "The rules directory (default: ChipScreen:RulesDirectory from configuration, else 'rules')." };
        var pack = new Option<string?>("--pack") { Description = "The rule pack id (default: the pack in force on the as-of date)." };
        var asOf = new Option<string?>("--as-of") { Description = "A fixed as-of date, YYYY-MM-DD (default: today, every request)." };
        var config = new Option<string?>("--config") { Description = "A JSON configuration file with the ChipScreen and ChipScreenServer sections (API keys go there or in environment variables)." };
        var noReload = new Option<bool>("--no-reload") { Description = "Do not reload the rule pack when its files change." };
        var ledger = new Option<string?>("--ledger") { Description = "The ledger whose committed volumes every call counts after (read only): an SQLite file or a PostgreSQL connection string (default: ChipScreen:Ledger from configuration, else none)." };
        var command = new Command("serve", "Serve the screening over HTTP: POST /v1/screen, POST /v1/screen/batch, GET /v1/packs, GET /healthz, GET /openapi/v1.json.")
        {
            urls, rules, pack, asOf, ledger, config, noReload,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new Dictionary<string, string?>();
            void Set(string key, string? value)
            {
                if (value is not null)
                    settings[$"{ChipScreenOptions.SectionName}:{key}"] = value;
            }
            Set(nameof(ChipScreenOptions.RulesDirectory), parse.GetValue(rules));
            Set(nameof(ChipScreenOptions.PackId), parse.GetValue(pack));
            Set(nameof(ChipScreenOptions.AsOf), ScreenCommand.ParseDate(parse.GetValue(asOf))?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Set(nameof(ChipScreenOptions.Ledger), parse.GetValue(ledger));
            if (parse.GetValue(noReload))
                Set(nameof(ChipScreenOptions.ReloadOnChange), "false");

            // A setting given as an option is named as the option in a failure (settings from --config keep their key).
            var arguments = new Dictionary<string, string>();
            if (parse.GetValue(rules) is not null)
                arguments[nameof(ChipScreenOptions.RulesDirectory)] = "--rules";
            if (parse.GetValue(pack) is not null)
                arguments[nameof(ChipScreenOptions.PackId)] = "--pack";
            WebApplication app;
            try
            {
                app = Build(parse.GetValue(urls)!, settings, parse.GetValue(config));
            }
            catch (OptionsValidationException e)
            {
                throw ScreeningServices.AsArguments(e, arguments);
            }
            await using var _ = app;
            await app.StartAsync(cancellationToken);
            var serving = app.Services.GetRequiredService<IRulePackSource>().Current.Identity;
            await stdout.WriteLineAsync($"chipscreen: serving {serving} on {string.Join(", ", app.Urls)}; Ctrl+C stops");
            await app.WaitForShutdownAsync(cancellationToken);
            return Cli.Ok;
        });
        return command;
    }

    private static WebApplication Build(string urls, Dictionary<string, string?> settings, string? config)
    {
        try
        {
            return ChipScreenServer.Create(urls, settings, config);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            // Both option sections failed: report every failure of both.
            throw new OptionsValidationException("", typeof(ChipScreenOptions), e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures));
        }
    }
}
