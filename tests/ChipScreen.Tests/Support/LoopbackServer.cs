using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChipScreen.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace ChipScreen.Tests.Support;

/// <summary>The HTTP server on a free loopback port (Kestrel on 127.0.0.1:0), with one API key, for tests over real HTTP.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    public const string Key = "test-key-0123456789abcdef";

    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri address, ListLogger logs)
    {
        _app = app;
        Address = address;
        Logs = logs;
    }

    public Uri Address { get; }

    /// <summary>What the server logged at Information and above.</summary>
    public ListLogger Logs { get; }

    public static string Sha256(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Starts a server over <paramref name="rules"/> (default: the repository's) as of 2025-12-31.</summary>
    public static async Task<LoopbackServer> StartAsync(string? rules = null, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["ChipScreen:RulesDirectory"] = rules ?? Repo.Rules,
            ["ChipScreen:AsOf"] = "2025-12-31",
            ["ChipScreen:ReloadOnChange"] = "false",
            ["ChipScreenServer:ApiKeys:0:Name"] = "tests",
            ["ChipScreenServer:ApiKeys:0:Sha256"] = Sha256(Key),
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
            all[k] = v;
        var logs = new ListLogger();
        var app = ChipScreenServer.Create("http://127.0.0.1:0", all, configureLogging: logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(logs);
        });
        await app.StartAsync();
        return new LoopbackServer(app, new Uri(app.Urls.Single()), logs);
    }

    /// <summary>A client with the API key (or <paramref name="key"/>, or none when it is empty).</summary>
    public HttpClient Client(string? key = Key)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (!string.IsNullOrEmpty(key))
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Csv(string csv) => new(csv, Encoding.UTF8, "text/csv");

    /// <summary>A body as these bytes, whatever they are (text in another encoding, say).</summary>
    public static ByteArrayContent Bytes(byte[] body, string mediaType) =>
        new(body) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType) } };

    /// <summary>An order as the API takes it, from test defaults (an H100 to Germany).</summary>
    public static JsonObject Order(string destination = "DE", string? endUse = null, int quantity = 1, string order = "SO-1") => new()
    {
        ["order_id"] = order,
        ["line"] = "1",
        ["ship_date"] = "2025-06-01",
        ["tpp"] = 15832,
        ["die_area_mm2"] = 814,
        ["datacenter"] = true,
        ["quantity"] = quantity,
        ["destination_country"] = destination,
        ["end_user"] = "Test Buyer",
        ["end_use"] = endUse,
    };

    public static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    public static bool IsProblem(HttpResponseMessage response) =>
        response.Content.Headers.ContentType is MediaTypeHeaderValue { MediaType: "application/problem+json" };

    /// <summary>The body of a problem in the server's own shape (<c>Problems.Create</c>): <paramref name="status"/>, every
    /// member it always sets, the type named after <paramref name="code"/>, and the path asked for as the instance. ERP
    /// clients parse these; one made by the framework has another type and no detail or instance.</summary>
    public static async Task<JsonNode> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.True(IsProblem(response), $"{response.Content.Headers.ContentType} is not application/problem+json");
        var problem = await ReadJsonAsync(response);
        Assert.Equal("urn:chipscreen:problem:" + code, (string?)problem["type"]);
        Assert.Equal(code, (string?)problem["code"]);
        Assert.Equal((int)status, (int?)problem["status"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
        Assert.Equal(response.RequestMessage!.RequestUri!.AbsolutePath, (string?)problem["instance"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["trace_id"]));
        return problem;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Collects log lines in memory.</summary>
internal sealed class ListLogger : ILoggerProvider, ILogger
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
            _lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }

    public void Dispose()
    {
    }
}
