using System.Reflection;
using System.Security.Cryptography;
using ChipScreen.Orders;
using ChipScreen.Reports;
using ChipScreen.Rules;
using ChipScreen.Screening;
using ChipScreen.Volumes;

namespace ChipScreen.Runs;

/// <summary>Screens an orders file into an output directory: <c>decisions.csv</c> and <c>report.json</c>.</summary>
/// <remarks>
/// Outputs are written to temporary files and renamed into place only when the whole batch was screened, so
/// a failed run never leaves files that look like a result. Throws <see cref="RulePackException"/>,
/// <see cref="OrderFileException"/> and <see cref="Parties.PartyListException"/> for unusable rules, input or lists (the
/// CLI's exit code 2).
/// </remarks>
public sealed class FileScreening(TimeProvider time)
{
    /// <summary>The decisions file name.</summary>
    public const string DecisionsFile = "decisions.csv";

    /// <summary>The report file name.</summary>
    public const string ReportFile = "report.json";

    /// <summary>ChipScreen's version, as recorded in reports.</summary>
    public static string ToolVersion { get; } =
        typeof(FileScreening).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Loads the pack the request names (or the one in force on its as-of date), with the request's lists added.</summary>
    /// <exception cref="Parties.PartyListException">A list file cannot be used.</exception>
    public RulePack LoadPack(RunRequest request)
    {
        var pack = RulePackLoader.Load(request.RulesDirectory, request.PackId, AsOf(request));
        return request.Lists.Count == 0 ? pack : pack.WithPartyLists(Parties.PartyListReader.Read(request.Lists));
    }

    /// <summary>The as-of date of a request: as given, or today's local date.</summary>
    public DateOnly AsOf(RunRequest request) => request.AsOf ?? DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    /// <summary>Runs the screening; <paramref name="progress"/> receives the number of lines decided so far.</summary>
    public RunReport Run(RunRequest request, RulePack pack, IVolumeBaseline? baseline = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = time.GetUtcNow();
        var asOf = AsOf(request);
        IReadOnlyList<string> ignored;
        using (var probe = OrderCsvReader.Open(request.OrdersPath)) // checks the header before anything is written
            ignored = probe.IgnoredColumns;
        var inputHash = Sha256(request.OrdersPath);

        Directory.CreateDirectory(request.OutputDirectory);
        var decisionsPath = Path.Combine(request.OutputDirectory, DecisionsFile);
        var reportPath = Path.Combine(request.OutputDirectory, ReportFile);
        var decisionsTemp = decisionsPath + ".partial";
        var reportTemp = reportPath + ".partial";
        try
        {
            var summary = new BatchSummary();
            var screener = new BatchScreener(pack);
            var source = new OrderCsvFile(request.OrdersPath);
            var plan = screener.Plan(source, asOf, baseline ?? EmptyVolumeBaseline.Instance);
            using (var stream = new FileStream(decisionsTemp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new DecisionsCsvWriter(stream))
            {
                // Records are formatted on the workers that decide them; this thread only writes and counts.
                foreach (var decision in screener.Decide(source, asOf, plan, FormattedDecision.Of))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    writer.WriteFormatted(decision.Csv);
                    summary.Add(decision.Digest);
                    if (progress is not null && summary.Lines % 10_000 == 0)
                        progress.Report(summary.Lines);
                }
            }
            progress?.Report(summary.Lines);

            var outputs = new List<PackFile> { new(DecisionsFile, Sha256(decisionsTemp)) };
            var report = new RunReport(RunId(started), ToolVersion, started, time.GetUtcNow(), asOf, pack.Manifest, pack.Revision, pack.Files,
                request.OrdersPath, inputHash, ignored, summary, plan.Volumes, outputs);
            using (var stream = new FileStream(reportTemp, FileMode.Create, FileAccess.Write))
                RunReportJson.Write(report, stream);

            File.Move(decisionsTemp, decisionsPath, overwrite: true);
            File.Move(reportTemp, reportPath, overwrite: true);
            return report;
        }
        finally
        {
            File.Delete(decisionsTemp);
            File.Delete(reportTemp);
        }
    }

    internal static string Sha256(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string RunId(DateTimeOffset started) =>
        $"{started.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
}
