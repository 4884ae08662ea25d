using System.Diagnostics;
using System.Globalization;
using ChipScreen.Ledger;
using ChipScreen.Runs;
using Npgsql;

namespace ChipScreen.Bench;

/// <summary>Commit throughput of the ledger: screens a batch whose every line consumes a volume and commits it into an
/// empty ledger, then commits it again (every entry unchanged); prints lines/s of the commit on its own and of the whole
/// run, against a run without a ledger.</summary>
/// <remarks>For PostgreSQL it works in a schema of its own, created and dropped around the run.</remarks>
internal static class LedgerBench
{
    private static readonly string[] Tier2 = ["IN", "CL", "BR", "MX", "TH", "ID", "MY", "PH", "SA", "AE"];

    public static int Run(string[] args)
    {
        var lines = int.Parse(ScreenBench.StringOption(args, "--lines") ?? "100000", CultureInfo.InvariantCulture);
        var location = ScreenBench.StringOption(args, "--ledger") ?? Path.Combine(Path.GetTempPath(), $"chipscreen-bench-ledger-{Environment.ProcessId}.db");
        var rules = ScreenBench.StringOption(args, "--rules") ?? "rules";
        var parsed = LedgerLocation.Parse(location);
        var work = Path.Combine(Path.GetTempPath(), $"chipscreen-bench-ledger-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        var orders = Path.Combine(work, "orders.csv");
        Write(orders, lines);

        string? schema = null;
        if (parsed.Kind == LedgerStoreKind.Postgres)
        {
            schema = "bench_" + Guid.NewGuid().ToString("N");
            Sql(parsed.Target, $"CREATE SCHEMA {schema}");
            location = new NpgsqlConnectionStringBuilder(parsed.Target) { SearchPath = schema }.ConnectionString;
        }
        else
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(location + suffix);
        }
        try
        {
            var screening = new FileScreening(TimeProvider.System);
            var asOf = new DateOnly(2025, 12, 31);
            var plain = new RunRequest(orders, rules, null, asOf, Path.Combine(work, "plain"));
            var pack = screening.LoadPack(plain);
            var clock = Stopwatch.StartNew();
            screening.Run(plain, pack);
            var without = clock.Elapsed;

            var options = new LedgerOptions(location);
            clock.Restart();
            var first = screening.Run(plain with { OutputDirectory = Path.Combine(work, "first"), Ledger = options, Commit = true }, pack);
            var firstRun = clock.Elapsed;
            clock.Restart();
            var again = screening.Run(plain with { OutputDirectory = Path.Combine(work, "again"), Ledger = options, Commit = true }, pack);
            var againRun = clock.Elapsed;

            var c1 = first.Ledger!.Commit!;
            var c2 = again.Ledger!.Commit!;
            Console.WriteLine(Invariant($"ledger:        {first.Ledger.StoreName} {first.Ledger.Location}"));
            Console.WriteLine(Invariant($"batch:         {lines:N0} lines, {c1.Added:N0} consuming (LPP, {lines / 2:N0} consignees)"));
            Console.WriteLine(Invariant($"no ledger:     {without.TotalSeconds:N2} s = {lines / without.TotalSeconds:N0} lines/s (screen, all reports)"));
            Console.WriteLine(Invariant($"first commit:  commit {c1.Elapsed.TotalSeconds:N2} s = {lines / c1.Elapsed.TotalSeconds:N0} lines/s; whole run {firstRun.TotalSeconds:N2} s = {lines / firstRun.TotalSeconds:N0} lines/s ({c1.Added:N0} added)"));
            Console.WriteLine(Invariant($"re-commit:     commit {c2.Elapsed.TotalSeconds:N2} s = {lines / c2.Elapsed.TotalSeconds:N0} lines/s; whole run {againRun.TotalSeconds:N2} s = {lines / againRun.TotalSeconds:N0} lines/s ({c2.Unchanged:N0} unchanged)"));
            return 0;
        }
        finally
        {
            if (schema is not null)
                Sql(parsed.Target, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
            else
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                    File.Delete(location + suffix);
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Every line a datacenter 3A090.a chip to a Tier 2 country, 1,000,000 TPP, two lines per consignee: all LPP.</summary>
    private static void Write(string path, int lines)
    {
        using var w = new StreamWriter(path);
        w.WriteLine("order_id,line,ship_date,tpp,die_area_mm2,datacenter,quantity,destination_country,end_user");
        for (var i = 0; i < lines; i++)
            w.WriteLine(Invariant($"L-{i:D7},1,2025-{i % 12 + 1:D2}-{i % 28 + 1:D2},10000,1000,true,100,{Tier2[i % Tier2.Length]},Consignee {i % Math.Max(1, lines / 2):D6}"));
    }

    private static void Sql(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
