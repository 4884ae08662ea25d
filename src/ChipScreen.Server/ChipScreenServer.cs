using System.Text.Json;
using System.Text.Json.Serialization;
using ChipScreen.Server.Contracts;
using ChipScreen.Server.Endpoints;
using ChipScreen.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChipScreen.Server;

/// <summary>The HTTP API for ERP integrations (<c>chipscreen serve</c>): a thin shell over <see cref="IOrderScreener"/>
/// and <see cref="IRulePackSource"/>.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>POST /v1/screen</c>: one order (JSON) in, its decision out.</item>
/// <item><c>POST /v1/screen/batch</c>: a JSON array or CSV in, decisions streamed out in input order.</item>
/// <item><c>GET /v1/packs</c>: the pack serving and the last reload.</item>
/// <item><c>GET /healthz</c> and <c>GET /openapi/v1.json</c>: without a key.</item>
/// </list>
/// Everything under <c>/v1</c> needs an API key. Configuration: the <c>ChipScreen</c> section (<see cref="ChipScreenOptions"/>;
/// reload on change is on by default here) and the <c>ChipScreenServer</c> section (<see cref="ChipScreenServerOptions"/>),
/// from <c>appsettings.json</c> in the working directory, environment variables (<c>ChipScreenServer__ApiKeys__0__Sha256</c>),
/// a <c>--config</c> file, and the command line's options, later sources winning.
/// </remarks>
public static class ChipScreenServer
{
    /// <summary>Where <c>chipscreen serve</c> listens by default: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Builds the server, loads and checks the rule pack and every option; does not start listening.</summary>
    /// <param name="urls">Where to listen, e.g. <c>http://127.0.0.1:5080</c> (port 0 picks a free port).</param>
    /// <param name="settings">Configuration that overrides every other source (keys such as <c>ChipScreen:RulesDirectory</c>).</param>
    /// <param name="configFile">A JSON configuration file, or null.</param>
    /// <param name="configureLogging">Changes to logging (the default logs to the console, ASP.NET Core itself only from warnings).</param>
    /// <exception cref="OptionsValidationException">An option is out of range (all failures are listed).</exception>
    /// <exception cref="Rules.RulePackException">The rule pack cannot be used.</exception>
    public static WebApplication Create(string urls, IEnumerable<KeyValuePair<string, string?>>? settings = null, string? configFile = null, Action<ILoggingBuilder>? configureLogging = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(urls);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?> { [$"{ChipScreenOptions.SectionName}:{nameof(ChipScreenOptions.ReloadOnChange)}"] = "true" },
        });
        if (configFile is not null)
            builder.Configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls(urls);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        configureLogging?.Invoke(builder.Logging);
        AddServices(builder.Services, builder.Configuration);

        var app = builder.Build();
        // Refuse to start rather than serve with a bad option or pack: check both now, before anything listens.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        app.Services.GetRequiredService<IRulePackSource>();
        MapEndpoints(app);
        return app;
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddChipScreen(configuration.GetSection(ChipScreenOptions.SectionName));
        services.AddOptions<ChipScreenServerOptions>()
            .Bind(configuration.GetSection(ChipScreenServerOptions.SectionName), binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChipScreenServerOptions>, ChipScreenServerOptionsValidator>());
        // Body limits are set per request by the endpoints (before they read), so Kestrel needs none of the options here:
        // reading them while the app is built would report only the first section that fails.
        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        services.TryAddSingleton<ApiKeyVerifier>();
        services.TryAddSingleton<BatchGate>();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            // Messages hold "TPP 15,832 >= 4,800": keep them readable; the bodies are JSON, never HTML.
            json.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, ServerJson.Default);
            // The web default also reads numbers from strings, and the OpenAPI document then typed every number of every
            // response "integer or string". These options write responses (numbers as numbers) and read no body: orders
            // are read by OrderJson, whose text numbers OpenApiSchemas describes.
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddProblemDetails();
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer<OpenApiDocumentInfo>().AddSchemaTransformer<OpenApiSchemas>());
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.UseMiddleware<UnexpectedErrors>();
        // An error the framework answers without a body (404, 405) gets the problem shape of every other.
        app.UseStatusCodePages(status => Problems.ForStatus(status.HttpContext).ExecuteAsync(status.HttpContext));

        app.MapOpenApi();
        app.MapGet("/healthz", HealthEndpoint.Handle)
            .WithName("Health").WithTags("Service").WithSummary("Liveness and the pack serving (no key needed)")
            .Produces<HealthResponse>();
        // Load balancers and monitors probe with HEAD: the same answer without the body (Kestrel sends none for HEAD). Not a
        // second operation in the document, where it would need another operationId; HTTP gives every GET a HEAD.
        app.MapMethods("/healthz", [HttpMethods.Head], HealthEndpoint.Handle).ExcludeFromDescription();

        var v1 = app.MapGroup("/v1").RequireApiKey()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        v1.MapPost("/screen", ScreenOrderEndpoint.HandleAsync)
            .WithName("ScreenOrder").WithTags("Screening").WithSummary("Screen one order line")
            .WithDescription("A line with a field that cannot be used is a 400 naming each such field; the decision names the pack revision that made it.")
            .DescribeBody(("application/json", typeof(OrderRequest)))
            .Produces<ScreeningResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        v1.MapPost("/screen/batch", ScreenBatchEndpoint.HandleAsync)
            .WithName("ScreenBatch").WithTags("Screening").WithSummary("Screen a batch of order lines (JSON array or CSV); decisions stream back in input order")
            .WithDescription("Volumes are settled among the batch's lines in ship-date order, so the whole batch is read before the first decision is sent. Lines with bad fields are held (HOLD) with issues naming the fields. Send Accept: application/x-ndjson for one JSON object per line.")
            .DescribeBody(("application/json", typeof(OrderRequest[])), ("text/csv", typeof(string)), ("application/csv", typeof(string)))
            .Produces<ScreeningResponse[]>(StatusCodes.Status200OK, "application/json", "application/x-ndjson")
            .DescribeResponse(StatusCodes.Status200OK, ("application/x-ndjson", typeof(ScreeningResponse))) // one decision per line, not an array
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        v1.MapGet("/packs", PacksEndpoint.Handle)
            .WithName("Packs").WithTags("Service").WithSummary("The rule pack serving, and how the last reload went")
            .Produces<PacksResponse>();
        v1.MapMethods("/packs", [HttpMethods.Head], PacksEndpoint.Handle).ExcludeFromDescription(); // as /healthz: every GET has its HEAD
    }
}
