using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using ChipScreen.Orders;
using ChipScreen.Server;
using ChipScreen.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChipScreen.Bench;

/// <summary>Latency of the service: one order screened in-process through <see cref="IOrderScreener"/>, and over HTTP on
/// loopback at a steady request rate (open loop: request i is due at start + i/rate, and its latency counts from then,
/// so a stall shows in the figures instead of slowing the load).</summary>
internal static class ServiceBench
{
    private static readonly string[] s_orders =
    [
        """{"order_id":"SO-1","sku":"H100-SXM5-80GB","quantity":8,"destination_country":"Germany","end_user":"Acme GmbH"}""",
        """{"order_id":"SO-2","sku":"H100-SXM5-80GB","quantity":8,"destination_country":"China","end_user":"Acme"}""",
        """{"order_id":"SO-3","sku":"H100-SXM5-80GB","quantity":8,"destination_country":"US","end_user":"Acme Inc"}""",
        """{"order_id":"SO-4","sku":"H100-SXM5-80GB","quantity":8,"destination_country":"India","end_user":"Acme"}""",
        """{"order_id":"SO-5","sku":"H100-SXM5-80GB","quantity":8,"destination_country":"DE","end_user":"Acme","end_use":"missile guidance"}""",
        """{"order_id":"SO-6","tpp":"3000","die_area_mm2":600,"datacenter":true,"quantity":8,"destination_country":"Viet Nam","end_user":"Acme"}""",
    ];

    /// <summary><c>latency [--rules DIR] [--count N]</c>: single-order latency in-process.</summary>
    public static async Task<int> InProcessAsync(string[] args)
    {
        var count = int.Parse(Option(args, "--count") ?? "200000", CultureInfo.InvariantCulture);
        using var provider = new ServiceCollection().AddChipScreen(o =>
        {
            o.RulesDirectory = Option(args, "--rules") ?? "rules";
            o.AsOf = new DateOnly(2025, 12, 31);
        }).BuildServiceProvider();
        var screener = provider.GetRequiredService<IOrderScreener>();
        var lines = s_orders.Select(o => OrderJson.Parse(Encoding.UTF8.GetBytes(o))).ToArray();

        for (var i = 0; i < 20_000; i++) // warm up: tiered compilation, caches
            await screener.ScreenAsync(lines[i % lines.Length]);
        var samples = new double[count];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await screener.ScreenAsync(lines[i % lines.Length]);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        total.Stop();
        Console.WriteLine(Invariant($"in-process single order: {count:N0} calls in {total.Elapsed.TotalSeconds:N2} s = {count / total.Elapsed.TotalSeconds:N0} calls/s on one thread"));
        Console.WriteLine("  latency " + Percentiles(samples, "us"));
        return 0;
    }

    /// <summary><c>http [--rules DIR] [--rate N] [--seconds N]</c>: a server on 127.0.0.1, driven at a steady rate;
    /// then as fast as 16 clients go.</summary>
    public static async Task<int> HttpAsync(string[] args)
    {
        var rate = int.Parse(Option(args, "--rate") ?? "1000", CultureInfo.InvariantCulture);
        var seconds = int.Parse(Option(args, "--seconds") ?? "30", CultureInfo.InvariantCulture);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await using var app = ChipScreenServer.Create("http://127.0.0.1:0", new Dictionary<string, string?>
        {
            ["ChipScreen:RulesDirectory"] = Option(args, "--rules") ?? "rules",
            ["ChipScreen:AsOf"] = "2025-12-31",
            ["ChipScreen:ReloadOnChange"] = "false",
            ["ChipScreenServer:ApiKeys:0:Name"] = "bench",
            ["ChipScreenServer:ApiKeys:0:Sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))),
        }, configureLogging: logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning));
        await app.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(app.Urls.Single()),
        };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        var bodies = s_orders.Select(o => Encoding.UTF8.GetBytes(o)).ToArray();

        async Task<bool> Send(int i)
        {
            using var content = new ByteArrayContent(bodies[i % bodies.Length]);
            content.Headers.ContentType = new("application/json");
            using var response = await http.PostAsync("/v1/screen", content);
            await response.Content.ReadAsByteArrayAsync();
            return response.StatusCode == HttpStatusCode.OK;
        }

        // Warm up, closed loop.
        await Task.WhenAll(Enumerable.Range(0, 16).Select(c => Task.Run(async () => { for (var i = 0; i < 500; i++) await Send(i); })));

        // Open loop at a steady rate.
        var total = rate * seconds;
        var fromDue = new double[total];
        var fromSend = new double[total];
        var failed = 0;
        var tasks = new Task[total];
        var clock = Stopwatch.StartNew();
        var period = 1.0 / rate;
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i * period);
            var ahead = due - clock.Elapsed;
            if (ahead > TimeSpan.FromMilliseconds(2))
                await Task.Delay(ahead - TimeSpan.FromMilliseconds(1));
            while (clock.Elapsed < due)
                Thread.SpinWait(20);
            var n = i;
            tasks[i] = Task.Run(async () =>
            {
                var sent = clock.Elapsed;
                var ok = await Send(n);
                var done = clock.Elapsed;
                fromDue[n] = (done - due).TotalMilliseconds;
                fromSend[n] = (done - sent).TotalMilliseconds;
                if (!ok)
                    Interlocked.Increment(ref failed);
            });
        }
        await Task.WhenAll(tasks);
        var elapsed = clock.Elapsed.TotalSeconds;
        Console.WriteLine(Invariant($"HTTP, open loop at {rate:N0} requests/s for {seconds} s: {total:N0} requests in {elapsed:N2} s = {total / elapsed:N0} requests/s, {failed} failed"));
        Console.WriteLine("  latency from the due time " + Percentiles(fromDue, "ms"));
        Console.WriteLine("  latency from the send     " + Percentiles(fromSend, "ms"));

        // Closed loop: as fast as 16 clients go, for the same time.
        long done = 0, errors = 0;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(c => Task.Run(async () =>
        {
            for (var i = c; stop.Elapsed.TotalSeconds < Math.Min(seconds, 15); i++)
            {
                if (!await Send(i))
                    Interlocked.Increment(ref errors);
                Interlocked.Increment(ref done);
            }
        })));
        Console.WriteLine(Invariant($"HTTP, 16 clients as fast as they go: {done:N0} requests in {stop.Elapsed.TotalSeconds:N1} s = {done / stop.Elapsed.TotalSeconds:N0} requests/s, {errors} failed"));
        Console.WriteLine(Invariant($"(client and server share this machine's {Environment.ProcessorCount} cores)"));
        await app.StopAsync();
        return failed == 0 && errors == 0 ? 0 : 1;
    }

    private static string Percentiles(double[] samples, string unit)
    {
        var sorted = samples.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
        return Invariant($"p50 {At(0.50):N1} {unit}, p90 {At(0.90):N1} {unit}, p99 {At(0.99):N1} {unit}, p99.9 {At(0.999):N1} {unit}, max {sorted[^1]:N1} {unit}");
    }

    private static string? Option(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
