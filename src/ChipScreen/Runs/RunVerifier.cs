using System.Globalization;
using System.Text.Json;
using ChipScreen.Orders;
using ChipScreen.Reports;
using ChipScreen.Rules;

namespace ChipScreen.Runs;

/// <summary>Verifies a run's output directory: the outputs are the ones the run recorded, the input and rule files
/// are unchanged where they are still present, a fresh screening under the recorded pack and as-of date gives the
/// same decisions, and the audit log's chain is intact and holds the run.</summary>
public sealed class RunVerifier(TimeProvider time)
{
    private const int MaxLineDifferences = 20;

    /// <summary>Verifies <paramref name="directory"/>.</summary>
    /// <param name="directory">A run's output directory (with report.json).</param>
    /// <param name="rulesDirectory">The rules directory; null for the one report.json records.</param>
    /// <param name="auditLogPath">The audit log; null for the one report.json records (a path given to the run, relative to
    /// the directory the run was made in), or audit-log.jsonl in <paramref name="directory"/> when it records none.</param>
    /// <param name="inputPath">The run's input file; null for the path report.json records (which, when the run was given a
    /// relative path, is relative to the directory the run was made in).</param>
    /// <exception cref="OrderFileException">The directory has no readable report.json and the audit log has no record of
    /// a run there.</exception>
    /// <param name="cancellationToken">Stops the re-screening between runs of lines (its scratch files are removed).</param>
    /// <param name="listPaths">Where the run's --list files are now, each matched to the one the run recorded by file name or
    /// by SHA-256; a recorded list none of them matches is looked for at the path the run recorded.</param>
    public VerificationResult Verify(string directory, string? rulesDirectory = null, string? auditLogPath = null, string? inputPath = null,
        CancellationToken cancellationToken = default, IReadOnlyList<string>? listPaths = null)
    {
        var checks = new List<VerificationCheck>();
        var reportPath = Path.Combine(directory, FileScreening.ReportFile);
        RecordedRun run;
        if (!IsThere(reportPath))
            return VerifyFromLog(directory, reportPath, null, auditLogPath, inputPath);
        try
        {
            run = RecordedRun.Read(reportPath);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            return VerifyFromLog(directory, reportPath, PlainReportProblem(e), auditLogPath, inputPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return VerifyFromLog(directory, reportPath, "cannot be read", auditLogPath, inputPath);
        }

        // 1. The audit log: its chain, and this run's record of every output (report.json and report.html included).
        var logPath = auditLogPath ?? run.AuditLog ?? Path.Combine(directory, AuditLog.DefaultFileName);
        AuditLogEntry? entry = null;
        if (!IsThere(logPath))
        {
            checks.Add(new VerificationCheck(logPath, CheckStatus.Failed, auditLogPath is null && run.AuditLog is not null
                ? "the audit log the run recorded is not there (--audit-log names where it is now)"
                : "the audit log is missing"));
        }
        else
        {
            var (entries, problems) = AuditLog.Verify(logPath);
            checks.AddRange(ChainChecks(logPath, entries, problems));
            entry = entries.LastOrDefault(e => e.RunId == run.RunId);
            if (entry is null)
                checks.Add(new VerificationCheck(logPath, CheckStatus.Failed, $"run {run.RunId} is not in the audit log (it was removed, or the report was replaced)"));
        }

        // 2. The outputs.
        var expected = new Dictionary<string, string>(run.Outputs, StringComparer.Ordinal);
        if (entry is not null)
            foreach (var (name, sha) in entry.Outputs)
                expected[name] = sha;
        foreach (var (name, sha) in expected.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            checks.Add(OutputCheck(Path.Combine(directory, name), sha));
        }
        if (entry is not null && entry.InputSha256 != run.InputSha256)
            checks.Add(new VerificationCheck(reportPath, CheckStatus.Failed, "report.json and the audit log disagree about the input"));

        // 3. The input and the rule files, where they are still there.
        var input = inputPath ?? run.InputPath;
        var inputIntact = false;
        if (!IsThere(input))
        {
            checks.Add(new VerificationCheck(input, CheckStatus.Skipped, inputPath is null && !Path.IsPathRooted(input)
                ? "the input is not there (the run recorded this path relative to the directory it was made in: verify from there, or give the input's path); it cannot be re-screened"
                : "the input is no longer there; it cannot be re-screened"));
        }
        else if (PackFile.Sha256Of(input) is var inputSha && inputSha != run.InputSha256)
        {
            checks.Add(new VerificationCheck(input, CheckStatus.Failed, $"changed since the run (sha256 {inputSha}, recorded {run.InputSha256})"));
        }
        else
        {
            checks.Add(new VerificationCheck(input, CheckStatus.Ok, "as recorded"));
            inputIntact = true;
        }

        var rules = rulesDirectory ?? run.RulesDirectory;
        var rulesIntact = Directory.Exists(rules);
        if (!rulesIntact)
            checks.Add(new VerificationCheck(rules, CheckStatus.Skipped, rulesDirectory is null && !Path.IsPathRooted(rules)
                ? "the rules directory is not there (the run recorded this path relative to the directory it was made in: verify from there, or give the rules directory)"
                : "the rules directory is no longer there"));
        if (rulesIntact)
        {
            // Every rule file that differs or is missing is named; a rules directory that has none of them (the wrong
            // directory) is named once.
            var missing = new List<string>();
            foreach (var file in run.RuleFiles)
            {
                var path = Path.Combine(rules, file.Path);
                if (!IsThere(path))
                {
                    missing.Add(path);
                    rulesIntact = false;
                }
                else if (HashOf(path) is var sha && sha != file.Sha256)
                {
                    checks.Add(new VerificationCheck(path, CheckStatus.Failed, sha is null
                        ? "rule file cannot be read"
                        : $"rule file changed since the run (sha256 {sha}, recorded {file.Sha256})"));
                    rulesIntact = false;
                }
            }
            if (missing.Count > 1 && missing.Count == run.RuleFiles.Count)
                checks.Add(new VerificationCheck(rules, CheckStatus.Failed,
                    $"none of the {missing.Count} rule files the run read is here (is it the rules directory the run used?)"));
            else
                foreach (var path in missing)
                    checks.Add(new VerificationCheck(path, CheckStatus.Failed, "rule file missing"));
        }
        RulePack? pack = null;
        if (rulesIntact)
        {
            // The pack as the rules directory now makes it: a file added to it since the run would be read by a screening
            // now, though every file the run read is unchanged.
            try
            {
                pack = RulePackLoader.Load(rules, run.PackId, run.AsOf);
            }
            catch (RulePackException e)
            {
                checks.Add(new VerificationCheck(rules, CheckStatus.Failed, $"pack {run.PackId} cannot be loaded as the rules directory now is: {string.Join("; ", e.Errors)}"));
                rulesIntact = false;
            }
            var recorded = run.RuleFiles.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            foreach (var added in (pack?.Files ?? []).Select(f => f.Path).Where(p => !recorded.Contains(p)).Order(StringComparer.Ordinal))
            {
                checks.Add(new VerificationCheck(Path.Combine(rules, added), CheckStatus.Failed, $"rule file added to pack {run.PackId} since the run, which did not read it"));
                rulesIntact = false;
            }
        }
        if (rulesIntact)
            checks.Add(new VerificationCheck(rules, CheckStatus.Ok, $"{run.RuleFiles.Count} rule files as recorded"));

        // The --list files of the run, at the paths it was given or where --list says they are now.
        var given = (listPaths ?? []).Select(p => (Path: p, Name: Path.GetFileName(p), Sha: IsThere(p) ? HashOf(p) : null)).ToList();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var listAt = new Dictionary<string, string>(StringComparer.Ordinal); // recorded path -> where it is read now
        foreach (var file in run.ListFiles)
        {
            var match = given.FirstOrDefault(g => !used.Contains(g.Path) && g.Name == Path.GetFileName(file.Path)).Path
                ?? given.FirstOrDefault(g => !used.Contains(g.Path) && g.Sha == file.Sha256).Path;
            if (match is not null)
                used.Add(match);
            var path = match ?? file.Path;
            listAt[file.Path] = path;
            if (!IsThere(path))
            {
                checks.Add(new VerificationCheck(path, CheckStatus.Skipped, match is null && !Path.IsPathRooted(path)
                    ? "the list file is not there (the run recorded this path relative to the directory it was made in: verify from there, or give it with --list); the run cannot be re-screened"
                    : "the list file is no longer there (--list names where it is now); the run cannot be re-screened"));
                rulesIntact = false;
            }
            else if (HashOf(path) is var sha && sha != file.Sha256)
            {
                checks.Add(new VerificationCheck(path, CheckStatus.Failed, $"list file changed since the run (sha256 {sha}, recorded {file.Sha256})"));
                rulesIntact = false;
            }
            else
            {
                checks.Add(new VerificationCheck(path, CheckStatus.Ok, match is null || match == file.Path ? "list file as recorded" : $"list file as recorded (the run read it as {file.Path})"));
            }
        }
        foreach (var extra in given.Where(g => !used.Contains(g.Path)))
        {
            checks.Add(new VerificationCheck(extra.Path, CheckStatus.Failed, "--list: not a list file the run read (neither its name nor its SHA-256 is one the run recorded)"));
            rulesIntact = false;
        }

        // 4. Re-screen under the recorded pack and as-of date, and compare.
        if (inputIntact && rulesIntact && pack is not null)
        {
            checks.AddRange(Rescreen(run, input, rules, pack, directory, listAt, cancellationToken));
            return new VerificationResult(checks) { Rescreened = true };
        }
        checks.Add(new VerificationCheck(directory, CheckStatus.Skipped, "not re-screened: the input, the rule files or the list files are not as recorded"));
        return new VerificationResult(checks);
    }

    /// <summary>What is wrong with a report.json that cannot be read, in plain words (no parser internals).</summary>
    private static string PlainReportProblem(Exception e) => e switch
    {
        JsonException { LineNumber: { } line, BytePositionInLine: { } column } => $"not valid JSON at line {line + 1}, column {column + 1}",
        JsonException => "not valid JSON",
        FormatException when e.Message.StartsWith("no \"", StringComparison.Ordinal) => e.Message,
        FormatException => "a date or number it records is not written as one",
        ArgumentException => "a file appears twice among its outputs",
        _ => "a member it records has the wrong type",
    };

    /// <summary>Verifies a run whose report.json is missing or cannot be read, from what the audit log records of it
    /// (found by the output directory, or by the hashes of the outputs that are there): report.json fails, and the
    /// checks the log's record allows are made. Throws, as when the directory is no run's, when the log has no record of it.</summary>
    private static VerificationResult VerifyFromLog(string directory, string reportPath, string? problem, string? auditLogPath, string? inputPath)
    {
        var notARun = problem is not null ? new OrderFileException($"{reportPath}: not a ChipScreen report ({problem})")
            : File.Exists(directory) ? new OrderFileException($"{directory}: is a file, not a directory; give the output directory of a screening run")
            : !Directory.Exists(directory) ? new OrderFileException($"{directory}: no such directory; give the output directory of a screening run")
            : new OrderFileException($"{directory}: no {FileScreening.ReportFile}; is it the output directory of a screening run?");
        var logPath = auditLogPath ?? Path.Combine(directory, AuditLog.DefaultFileName);
        if (!IsThere(logPath))
            throw notARun;
        IReadOnlyList<AuditLogEntry> entries;
        IReadOnlyList<string> problems;
        try
        {
            (entries, problems) = AuditLog.Verify(logPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw notARun;
        }
        var full = Path.GetFullPath(directory);
        bool Matches(AuditLogEntry e) => e.Outputs.Any(o => o.Key != FileScreening.ReportFile && Path.Combine(directory, o.Key) is var path
            && IsThere(path) && HashOf(path) == o.Value);
        var entry = entries.LastOrDefault(Matches)
            ?? entries.LastOrDefault(e => e.OutputDirectory is { } d && Path.GetFullPath(d) == full);
        if (entry is null)
            throw notARun;

        var checks = new List<VerificationCheck>();
        checks.AddRange(ChainChecks(logPath, entries, problems));
        checks.Add(new VerificationCheck(reportPath, CheckStatus.Failed, problem is null
            ? $"missing (the audit log records run {entry.RunId} here, at line {entry.LineNumber})"
            : $"changed since the run: {problem} (the audit log records run {entry.RunId} here, at line {entry.LineNumber})"));
        foreach (var (name, sha) in entry.Outputs.Where(o => o.Key != FileScreening.ReportFile).OrderBy(o => o.Key, StringComparer.Ordinal))
            checks.Add(OutputCheck(Path.Combine(directory, name), sha));
        var input = inputPath ?? entry.InputPath;
        if (input is null || !IsThere(input))
            checks.Add(new VerificationCheck(input ?? directory, CheckStatus.Skipped, "the input is not there; it cannot be checked"));
        else if (HashOf(input) is var inputSha && inputSha != entry.InputSha256)
            checks.Add(new VerificationCheck(input, CheckStatus.Failed, $"changed since the run (sha256 {inputSha}, recorded {entry.InputSha256})"));
        else
            checks.Add(new VerificationCheck(input, CheckStatus.Ok, "as recorded"));
        checks.Add(new VerificationCheck(directory, CheckStatus.Skipped,
            "the rule files and list files were not checked and the run was not re-screened: report.json, which records them, cannot be read"));
        return new VerificationResult(checks);
    }

    /// <summary>What the audit log's check found: each problem, or its chain intact.</summary>
    private static IEnumerable<VerificationCheck> ChainChecks(string logPath, IReadOnlyList<AuditLogEntry> entries, IReadOnlyList<string> problems)
    {
        foreach (var problem in problems)
            yield return new VerificationCheck(logPath, CheckStatus.Failed, problem);
        if (problems.Count == 0)
            yield return new VerificationCheck(logPath, CheckStatus.Ok, entries.Count == 0 ? "empty"
                : $"chain of {entries.Count} run{(entries.Count == 1 ? "" : "s")} intact, ending with hash {entries[^1].Hash}");
    }

    /// <summary>An output against the SHA-256 recorded for it: missing, unreadable, changed, or as recorded.</summary>
    private static VerificationCheck OutputCheck(string path, string recorded) =>
        !IsThere(path) ? new VerificationCheck(path, CheckStatus.Failed, "missing")
        : HashOf(path) is not { } actual ? new VerificationCheck(path, CheckStatus.Failed, "cannot be read")
        : actual != recorded ? new VerificationCheck(path, CheckStatus.Failed, $"changed since the run (sha256 {actual}, recorded {recorded})")
        : new VerificationCheck(path, CheckStatus.Ok, "as recorded");

    /// <summary>Whether a file is there to read: a symbolic link whose target is gone is not (it is treated as a
    /// missing file, not an error that stops the other checks).</summary>
    public static bool IsThere(string path)
    {
        try
        {
            if (!File.Exists(path))
                return false;
            var info = new FileInfo(path);
            if (info.LinkTarget is null)
                return true;
            return info.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true } target && target is FileInfo;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // a loop of links, or one that cannot be followed
        }
    }

    /// <summary>The SHA-256 of a file, or null when it cannot be read.</summary>
    private static string? HashOf(string path)
    {
        try
        {
            return PackFile.Sha256Of(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private IEnumerable<VerificationCheck> Rescreen(RecordedRun run, string input, string rules, RulePack pack, string directory,
        IReadOnlyDictionary<string, string> listAt, CancellationToken cancellationToken)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "chipscreen-verify-" + Guid.NewGuid().ToString("N"));
        try
        {
            var request = new RunRequest(input, rules, run.PackId, run.AsOf, scratch, Path.Combine(scratch, AuditLog.DefaultFileName))
            {
                Lists = [.. run.ListFiles.Select(f => f.Path)],
                IgnoreColumns = run.IgnoreColumns,
            };
            if (request.Lists.Count > 0)
            {
                // Read where they are now, under the names the run recorded (the decisions name the list they came from).
                var recordedAs = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var recorded in request.Lists)
                    recordedAs[listAt[recorded]] = recorded;
                pack = pack.WithPartyLists(Parties.PartyListReader.Read(request.Lists.Select(p => listAt[p]), p => recordedAs[p]));
            }
            // Volumes count after what the run found before it (its ledger then), as report.json recorded them.
            new FileScreening(time).Run(request, pack, run.Baseline, cancellationToken: cancellationToken);
            var checks = new List<VerificationCheck>();
            foreach (var name in new[] { FileScreening.DecisionsFile, FileScreening.AuditFile })
            {
                var original = Path.Combine(directory, name);
                if (!IsThere(original))
                    continue;
                var differences = Differences(original, Path.Combine(scratch, name)).ToList();
                checks.Add(differences.Count == 0
                    ? new VerificationCheck(original, CheckStatus.Ok, $"reproduced by re-screening under {run.PackId} as of {run.AsOf:yyyy-MM-dd}")
                    : new VerificationCheck(original, CheckStatus.Failed, $"not reproduced by re-screening: {string.Join("; ", differences)}"));
            }
            return checks;
        }
        finally
        {
            try { Directory.Delete(scratch, recursive: true); } catch (IOException) { }
        }
    }

    private static IEnumerable<string> Differences(string original, string fresh)
    {
        using var a = new StreamReader(original);
        using var b = new StreamReader(fresh);
        var number = 0;
        var reported = 0;
        while (true)
        {
            var x = a.ReadLine();
            var y = b.ReadLine();
            number++;
            if (x is null && y is null)
                yield break;
            if (x == y)
                continue;
            if (++reported > MaxLineDifferences)
            {
                yield return "more lines differ";
                yield break;
            }
            yield return x is null ? $"line {number} is missing" : y is null ? $"line {number} is extra" : $"line {number} differs ({Describe(x)})";
        }
    }

    private static string Describe(string line) => line.Length <= 60 ? line : line[..60] + "...";

    /// <summary>What report.json records of a run.</summary>
    private sealed record RecordedRun(string RunId, string InputPath, string InputSha256, string PackId, DateOnly AsOf, string RulesDirectory,
        IReadOnlyList<PackFile> RuleFiles, IReadOnlyList<PackFile> ListFiles, IReadOnlyDictionary<string, string> Outputs, RecordedBaseline Baseline,
        string? AuditLog, IReadOnlyList<string> IgnoreColumns)
    {
        private static List<PackFile> Files(JsonElement array) =>
            array.EnumerateArray().Select(f => new PackFile(f.Member("path").GetString()!, f.Member("sha256").GetString()!)).ToList();

        public static RecordedRun Read(string path)
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            var input = root.Member("input");
            return new RecordedRun(
                root.Member("run_id").GetString()!,
                input.Member("path").GetString()!,
                input.Member("sha256").GetString()!,
                root.Member("pack").Member("id").GetString()!,
                DateOnly.ParseExact(root.Member("as_of").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                root.Member("rules_directory").GetString()!,
                Files(root.Member("rule_files")),
                root.TryGetProperty("list_files", out var lists) ? Files(lists) : [],
                root.Member("outputs").EnumerateArray().ToDictionary(f => f.Member("path").GetString()!, f => f.Member("sha256").GetString()!, StringComparer.Ordinal),
                RecordedBaseline.Read(root),
                root.TryGetProperty("audit_log", out var log) && log.ValueKind == JsonValueKind.String ? log.GetString() : null,
                input.TryGetProperty("ignore_column_options", out var ignore) ? [.. ignore.EnumerateArray().Select(c => c.GetString()!)] : []);
        }
    }
}
