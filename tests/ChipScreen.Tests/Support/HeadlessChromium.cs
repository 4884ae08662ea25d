using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChipScreen.Tests.Support;

/// <summary>Debian's Chromium, headless, driven over the DevTools protocol: opens a page, collects console errors and
/// exceptions, evaluates script, takes screenshots. Needs the <c>chromium</c> package (.ci/run installs it).</summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ClientWebSocket _socket = new();
    private readonly string _profile;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly ConcurrentQueue<(string Method, JsonNode? Params)> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _receive = Task.CompletedTask;
    private int _nextId;
    private string? _session;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Errors the page reported: exceptions, console.error calls, and error log entries.</summary>
    public IReadOnlyList<string> Errors => _events
        .Where(e => e.Method == "Runtime.exceptionThrown"
            || (e.Method == "Runtime.consoleAPICalled" && e.Params?["type"]?.GetValue<string>() is "error" or "assert")
            || (e.Method == "Log.entryAdded" && e.Params?["entry"]?["level"]?.GetValue<string>() == "error"))
        .Select(e => e.Params?.ToJsonString() ?? e.Method).ToList();

    public static string? FindBinary() =>
        new[] { Environment.GetEnvironmentVariable("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));

    public static async Task<HeadlessChromium> StartAsync()
    {
        var binary = FindBinary() ?? throw new InvalidOperationException("Chromium is not installed: apt-get install chromium (or set CHROMIUM to its path)");
        var profile = Path.Combine(Path.GetTempPath(), "chipscreen-chromium-" + Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--remote-debugging-port=0", $"--user-data-dir={profile}", "about:blank",
        })
            info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        var chromium = new HeadlessChromium(process, profile);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? url = null;
        while (url is null && DateTime.UtcNow < deadline)
        {
            var line = await process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            if (line is null)
                break;
            var at = line.IndexOf("ws://", StringComparison.Ordinal);
            if (line.Contains("DevTools listening on", StringComparison.Ordinal) && at >= 0)
                url = line[at..].Trim();
        }
        if (url is null)
            throw new InvalidOperationException("Chromium did not report its DevTools address");
        _ = Task.Run(async () => { while (await process.StandardError.ReadLineAsync() is not null) { } });
        await chromium._socket.ConnectAsync(new Uri(url), CancellationToken.None);
        chromium._receive = Task.Run(chromium.ReceiveAsync);

        var target = await chromium.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, browser: true);
        var attached = await chromium.SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target!["targetId"]!.GetValue<string>(), ["flatten"] = true }, browser: true);
        chromium._session = attached!["sessionId"]!.GetValue<string>();
        foreach (var domain in new[] { "Runtime.enable", "Log.enable", "Page.enable" })
            await chromium.SendAsync(domain, new JsonObject());
        return chromium;
    }

    /// <summary>Loads a page and waits for its load event.</summary>
    public async Task NavigateAsync(string url)
    {
        var before = _events.Count(e => e.Method == "Page.loadEventFired");
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (_events.Count(e => e.Method == "Page.loadEventFired") == before)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{url} did not finish loading");
            await Task.Delay(50);
        }
        await Task.Delay(200); // let the page's scripts run after load
    }

    /// <summary>Stops the pages loaded from now on from running their own scripts (as a mail client's preview would).</summary>
    public Task DisableScriptsAsync() => SendAsync("Emulation.setScriptExecutionDisabled", new JsonObject { ["value"] = true });

    /// <summary>Evaluates script in the page and returns its value as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (result?["exceptionDetails"] is { } error)
            throw new InvalidOperationException("script failed: " + error.ToJsonString());
        return result?["result"]?["value"];
    }

    private async Task<JsonNode?> SendAsync(string method, JsonObject parameters, bool browser = false)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (!browser && _session is not null)
            message["sessionId"] = _session;
        var done = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = done;
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        return await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var part = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (part.MessageType == WebSocketMessageType.Close)
                    break;
                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage)
                    continue;
                var node = JsonNode.Parse(message.ToArray());
                message.SetLength(0);
                if (node?["id"] is { } id && _pending.TryRemove(id.GetValue<int>(), out var waiter))
                {
                    if (node["error"] is { } error)
                        waiter.SetException(new InvalidOperationException(error.ToJsonString()));
                    else
                        waiter.SetResult(node["result"]);
                }
                else if (node?["method"] is { } method)
                {
                    _events.Enqueue((method.GetValue<string>(), node["params"]));
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        await _process.WaitForExitAsync();
        _socket.Dispose();
        try { await _receive; } catch (Exception) { }
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { }
    }
}
