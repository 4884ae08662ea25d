using System.Reflection;
using System.Security.Cryptography;
using ChipScreen.Ledger;
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
/// <see cref="OrderFileException"/>, <see cref="Parties.PartyListException"/> and <see cref="RunOutputException"/> for
/// unusable rules, input, lists or output paths (the CLI's exit code 2).
/// </remarks>
public sealed partial class FileScreening(TimeProvider time)
{
    /// <summary>The decisions file name.</summary>
    public const string DecisionsFile = "decisions.csv";

    /// <summary>The per-line audit trail file name.</summary>
    public const string AuditFile = "audit.jsonl";

    /// <summary>The report file name.</summary>
    public const string ReportFile = "report.json";

    /// <summary>The HTML report file name.</summary>
    public const string HtmlFile = "report.html";

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
    /// <remarks>
    /// Every output is written to a temporary file with its SHA-256 computed on the way, and moved into place only
    /// when the whole batch is done (and, with <see cref="RunRequest.Commit"/>, committed to the ledger); then the run is
    /// appended to the audit log. Volumes count after <paramref name="baseline"/>, or after the request's ledger.
    /// </remarks>
    /// <exception cref="LedgerException">The ledger cannot be read or the commit failed; nothing is written.</exception>
    public RunReport Run(RunRequest request, RulePack pack, IVolumeBaseline? baseline = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Ledger is not null && baseline is not null)
            throw new ArgumentException("a run counts volumes after either a ledger or a given baseline, not both", nameof(baseline));
        if (request.Commit && request.Ledger is null)
            throw new ArgumentException("a commit needs a ledger (RunRequest.Ledger)", nameof(request));
        var started = time.GetUtcNow();
        var runId = RunId(started);
        var asOf = AsOf(request);
        using (OrderCsvReader.Open(request.OrdersPath, request.IgnoreColumns)) // checks the header before anything is written
        {
        }

        var directory = request.OutputDirectory;
        string Final(string name) => Path.Combine(directory, name);
        string[] names = [DecisionsFile, AuditFile, ReportFile, HtmlFile];
        CheckApart(request.OrdersPath, [.. names.SelectMany(n => new[] { Final(n), Partial(directory, n) }), request.AuditLog]);
        CheckWritable(directory, request.AuditLog);
        using var outputLock = OutputLock.Acquire(directory); // held until the outputs are in place and the run is logged
        Screened? screened = null;
        try
        {
            var screener = new BatchScreener(pack);
            // Each pass hashes what it read (90 MB for a million lines is 0.05 s of one core) and a pass that read other
            // bytes than the first throws: the decisions, the volume plan and the recorded hash are all of one file.
            var source = new OrderCsvFile(request.OrdersPath, request.IgnoreColumns);
            LedgerUse? ledger = null;
            if (request.Ledger is null)
            {
                var plan = screener.Plan(source, asOf, baseline ?? EmptyVolumeBaseline.Instance);
                screened = ScreenInto(directory, screener, source, asOf, plan, null, progress, cancellationToken);
            }
            else
            {
                // The ledger is committed before any output moves into place: a run killed before then leaves neither.
                (screened, ledger) = ScreenWithLedger(request, pack, screener, source, asOf, runId, progress, cancellationToken);
            }
            var (summary, html, settled, decisionsHash, auditHash) = screened;

            var added = pack.Files.Where(f => request.Lists.Contains(f.Path)).ToArray();
            var report = new RunReport(runId, ToolVersion, started, time.GetUtcNow(), asOf, pack.Manifest, pack.Revision, pack.Files.Except(added).ToArray(),
                request.OrdersPath, source.Sha256!, source.IgnoredColumns, summary, settled.Volumes, [new(DecisionsFile, decisionsHash), new(AuditFile, auditHash)], request.RulesDirectory, ledger)
            {
                ListFiles = added,
                AuditLogPath = request.AuditLogPath,
                IgnoreColumnOptions = request.IgnoreColumns,
            };
            var reportFile = DirectFile.CreateHashed(Partial(directory, ReportFile));
            using (reportFile)
                RunReportJson.Write(report, reportFile);
            var reportHash = reportFile.Sha256;
            var htmlHash = html.Complete(report);

            foreach (var name in names)
                File.Move(Partial(directory, name), Final(name), overwrite: true);
            try
            {
                AuditLog.Append(request.AuditLog, report, directory,
                    [new(DecisionsFile, decisionsHash), new(AuditFile, auditHash), new(ReportFile, reportHash), new(HtmlFile, htmlHash)]);
            }
            catch (InvalidDataException e) // the log was checked before the run; something changed it since
            {
                throw new RunOutputException($"audit log {request.AuditLog}: the run's outputs are in {directory} but the run is not logged: {e.Message}", e);
            }
            return report;
        }
        finally
        {
            screened?.Html.Dispose();
            foreach (var name in names)
                File.Delete(Partial(directory, name));
        }
    }

    /// <summary>Checks that the orders file is none of the files the run writes (by whatever path, through symbolic links):
    /// moving decisions.csv into place would replace the input the run recorded the hash of, and appending to it as the
    /// audit log would change it.</summary>
    /// <exception cref="RunOutputException">It is one; names both paths.</exception>
    private static void CheckApart(string input, IEnumerable<string> outputs)
    {
        var real = RealPath(input);
        foreach (var output in outputs)
            if (string.Equals(RealPath(output), real, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
                throw new RunOutputException($"orders file {input}: is {output}, which this run writes; move the orders file, or write the run elsewhere (--out, --audit-log)");
    }

    /// <summary>The absolute path of <paramref name="path"/> with every symbolic link along it resolved, as far as it exists.</summary>
    internal static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        for (var links = 0; links < 40; links++) // as the kernel's limit: a loop of links stops somewhere
        {
            var root = Path.GetPathRoot(full)!;
            var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            var current = root;
            string? relinked = null;
            for (var i = 0; i < parts.Length && relinked is null; i++)
            {
                var next = Path.Combine(current, parts[i]);
                string? target;
                try
                {
                    target = new FileInfo(next).LinkTarget;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    target = null;
                }
                if (target is null)
                    current = next;
                else
                    relinked = Path.Combine([Path.GetFullPath(target, current), .. parts[(i + 1)..]]);
            }
            if (relinked is null)
                return current;
            full = Path.GetFullPath(relinked);
        }
        return full;
    }

    /// <summary>Creates the output directory and checks the audit log can be opened for writing, so that a path that
    /// cannot be written stops the run before it screens anything, not after its outputs are in place.</summary>
    /// <exception cref="RunOutputException">Either cannot be written; names it.</exception>
    private static void CheckWritable(string directory, string auditLog)
    {
        if (File.Exists(directory))
            throw new RunOutputException($"output directory {directory}: is a file, not a directory");
        if (Directory.Exists(auditLog))
            throw new RunOutputException($"audit log {auditLog}: is a directory, not a file");
        // A log elsewhere is checked first, so that a run it stops leaves no empty output directory behind.
        var logInOutput = string.Equals(Path.GetDirectoryName(Path.GetFullPath(auditLog)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)), StringComparison.Ordinal);
        if (!logInOutput)
            CheckLog(auditLog);
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunOutputException($"output directory {directory}: cannot be created: {e.Message}", e);
        }
        if (logInOutput)
            CheckLog(auditLog);

        static void CheckLog(string auditLog)
        {
            try
            {
                AuditLog.CheckWritable(auditLog);
            }
            catch (InvalidDataException e)
            {
                throw new RunOutputException($"audit log {auditLog}: its last line is not a ChipScreen audit-log entry, so no run can be chained to it: restore the log from a copy, or give another --audit-log", e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new RunOutputException($"audit log {auditLog}: cannot be written: {e.Message}", e);
            }
        }
    }

    private static string Partial(string directory, string name) => Path.Combine(directory, name) + ".partial";

    /// <summary>A batch decided into the partial files of decisions.csv and audit.jsonl, and the rows of report.html.</summary>
    private sealed record Screened(BatchSummary Summary, HtmlReport Html, BatchPlan Plan, string DecisionsHash, string AuditHash);

    /// <summary>Second pass: decides every line into the partial outputs; <paramref name="consumed"/> (if given) receives
    /// each line's row and what it consumes, in input order.</summary>
    /// <remarks>
    /// The records of every output are made on the workers that decide the lines, a run of lines at a time; this thread
    /// hands each run's records to the outputs and counts. Every output is written to a temporary file and SHA-256 hashed
    /// on a thread of its own.
    /// </remarks>
    private static Screened ScreenInto(string directory, BatchScreener screener, OrderCsvFile source, DateOnly asOf, BatchPlan plan,
        Action<long, LedgerPosting[]>? consumed, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var summary = new BatchSummary(screener.Pack.NextChange);
        var listNlr = plan.Lines <= HtmlReport.NlrListLimit;
        var limits = screener.Pack.Volumes;
        string decisionsHash, auditHash;
        var html = new HtmlReport(Partial(directory, HtmlFile), source.Path, screener.Pack.Manifest, asOf, listNlr, screener.Pack.Countries.Directory);
        try
        {
            var decisions = DirectFile.CreateHashed(Partial(directory, DecisionsFile));
            var audit = DirectFile.CreateHashed(Partial(directory, AuditFile));
            using (decisions)
            using (audit)
            using (var writer = new DecisionsCsvWriter(decisions, leaveOpen: true))
            {
                foreach (var (records, postings) in screener.DecideBatches(source, asOf, plan,
                    d => (FormattedBatch.Of(d, listNlr), consumed is null ? null : Array.ConvertAll(d, x => (x.Row, LedgerPosting.Of(x, limits))))))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var before = summary.Lines;
                    writer.WriteFormatted(records.Csv);
                    audit.Write(records.Audit);
                    html.Add(records);
                    foreach (var digest in records.Digests)
                        summary.Add(digest);
                    records.Release();
                    if (postings is not null)
                        foreach (var (row, lines) in postings)
                            consumed!(row, lines);
                    if (progress is not null && summary.Lines / 10_000 != before / 10_000)
                        progress.Report(summary.Lines);
                }
            }
            decisionsHash = decisions.Sha256;
            auditHash = audit.Sha256;
            progress?.Report(summary.Lines);
            return new Screened(summary, html, plan, decisionsHash, auditHash);
        }
        catch
        {
            html.Dispose();
            throw;
        }
    }

    private static string RunId(DateTimeOffset started) =>
        $"{started.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
}
