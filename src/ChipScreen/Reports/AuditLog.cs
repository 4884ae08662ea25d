using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChipScreen.Rules;
using ChipScreen.Runs;

namespace ChipScreen.Reports;

/// <summary>The append-only log of screening runs: one JSON line per run, each holding the hash of the line before it,
/// so a removed or edited run breaks the chain.</summary>
/// <remarks>
/// A line is <c>{...fields...,"hash":"H"}</c> where H is the SHA-256 of the line's bytes up to the hash member with a
/// closing brace (<c>{...fields...}</c>), and <c>previous_hash</c> is the hash of the line before (64 zeros for the
/// first). Appends take an exclusive lock on the file, so concurrent runs chain one after another. It is an audit
/// sink: if it cannot be written, the run fails.
/// </remarks>
public static class AuditLog
{
    /// <summary>The default file name, in the output directory.</summary>
    public const string DefaultFileName = "audit-log.jsonl";

    /// <summary>The previous hash of the first line.</summary>
    public static string Genesis { get; } = new('0', 64);

    private const string HashMember = ",\"hash\":\"";

    /// <summary>Appends a run to the log (creating it), chained to the last line; returns the line's hash.</summary>
    public static string Append(string path, RunReport report, string outputDirectory, IReadOnlyList<PackFile> outputs)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
            Directory.CreateDirectory(directory);
        using var file = OpenExclusive(path);
        var (sequence, previous, endsWithLineFeed) = Last(file, path);

        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("sequence", sequence + 1);
            w.WriteString("run_id", report.RunId);
            w.WriteString("recorded_at", report.FinishedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            w.WriteString("tool_version", report.ToolVersion);
            w.WriteString("as_of", report.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("pack", report.Pack.Id);
            w.WriteString("pack_version", report.Pack.Version);
            w.WriteString("pack_revision", report.PackRevision);
            w.WriteString("input", report.InputPath);
            w.WriteString("input_sha256", report.InputSha256);
            w.WriteString("output_directory", outputDirectory);
            w.WriteStartObject("outputs");
            foreach (var output in outputs)
                w.WriteString(output.Path, output.Sha256);
            w.WriteEndObject();
            w.WriteNumber("lines", report.Summary.Lines);
            w.WriteStartObject("decisions");
            foreach (var (decision, count) in report.Summary.ByDecision)
                w.WriteNumber(Screening.DecisionText.ToContractString(decision), count);
            w.WriteEndObject();
            LedgerJson.Write(w, report.Ledger);
            w.WriteString("previous_hash", previous);
            w.WriteEndObject();
        }
        var body = buffer.ToArray();
        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        var line = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body, 0, body.Length - 1) + HashMember + hash + "\"}\n");
        file.Seek(0, SeekOrigin.End);
        if (!endsWithLineFeed)
            file.WriteByte((byte)'\n'); // a log whose last line lost its line feed: the run goes on a line of its own
        file.Write(line);
        file.Flush(flushToDisk: true);
        return hash;
    }

    /// <summary>Throws when the log cannot be appended to: its directory cannot be made, the file cannot be opened for
    /// writing, or its last line is not a run this log could chain to. A new log is created and deleted again, so nothing
    /// of it stays if the run then fails.</summary>
    /// <exception cref="IOException">The log cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The log cannot be written.</exception>
    /// <exception cref="InvalidDataException">The log's last line is not a ChipScreen audit-log entry.</exception>
    public static void CheckWritable(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
            Directory.CreateDirectory(directory);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var file = File.Exists(path)
                    ? new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite)
                    : new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.DeleteOnClose);
                Last(file, path); // the run will chain to it
                return;
            }
            catch (IOException) when (attempt < 200 && File.Exists(path))
            {
                Thread.Sleep(25); // another run is appending, or has just created it
            }
        }
    }

    /// <summary>Checks the chain of a log and returns its entries; problems name the line. Every byte of the log is
    /// checked: besides the runs' lines, the log holds only one line feed after each (no byte-order mark, no CR, no
    /// empty line, no byte after a run's closing brace).</summary>
    public static (IReadOnlyList<AuditLogEntry> Entries, IReadOnlyList<string> Problems) Verify(string path)
    {
        var entries = new List<AuditLogEntry>();
        var problems = new List<string>();
        var previous = Genesis;
        long expectedSequence = 1;
        var number = 0;
        var chainUnknown = false; // the line before had no readable hash: this line cannot be told to follow it or not
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var bytes = File.ReadAllBytes(path);
        var offset = 0;
        if (bytes.AsSpan().StartsWith("\uFEFF"u8))
        {
            problems.Add($"{path}: starts with a byte-order mark (the log was rewritten by another program)");
            offset = 3;
        }
        if (bytes.Length > offset && bytes[^1] != (byte)'\n')
            problems.Add($"{path}: does not end with a newline (its last line was cut or rewritten)");
        var text = Encoding.UTF8.GetString(bytes, offset, bytes.Length - offset);
        var lines = text.Split('\n');
        var count = text.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        for (var i = 0; i < count; i++)
        {
            var line = lines[i];
            number++;
            if (line.EndsWith('\r'))
            {
                problems.Add($"{path}:{number}: ends with CR (a Windows line end; the log was rewritten by another program)");
                line = line[..^1];
            }
            if (line.Length == 0)
            {
                problems.Add($"{path}:{number}: empty line");
                continue;
            }
            if (line.Trim().Length == 0)
            {
                problems.Add($"{path}:{number}: a line of blanks");
                continue;
            }
            var trimmed = line.Trim(' ', '\t', '\r', '\uFEFF');
            if (trimmed.Length != line.Length)
                problems.Add($"{path}:{number}: has blanks before or after the run's record");
            line = trimmed;
            var cut = HashCut(line, out var hash, out var after);
            if (cut < 0)
            {
                problems.Add($"{path}:{number}: not a ChipScreen audit-log line (it has no \"hash\" member)");
                chainUnknown = true;
                continue;
            }
            if (after != "}")
                problems.Add($"{path}:{number}: has {Describe(after[..^1])} after its hash, where the record should end");
            var body = line[..cut] + "}";
            if (Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body))) != hash)
                problems.Add($"{path}:{number}: the line was changed (its hash does not match its content)");
            if (seen.TryGetValue(hash, out var first))
            {
                problems.Add($"{path}:{number}: repeats line {first} (the same run appears twice)");
                continue; // the line after it follows the first copy
            }
            seen[hash] = number;
            AuditLogEntry entry;
            try
            {
                entry = AuditLogEntry.Parse(body, hash, number);
            }
            catch (Exception e) when (IsUnreadable(e))
            {
                problems.Add($"{path}:{number}: unreadable entry ({Plain(e)})");
                previous = hash; // the line after it is checked against the hash this line holds
                expectedSequence++;
                continue;
            }
            if (!chainUnknown && entry.PreviousHash != previous)
                problems.Add($"{path}:{number}: run {entry.RunId} does not follow the line before it (a run was removed or changed before line {number})");
            if (!chainUnknown && entry.Sequence != expectedSequence)
                problems.Add(entry.Sequence < expectedSequence
                    ? $"{path}:{number}: run {entry.RunId} has sequence {entry.Sequence}, expected {expectedSequence} (a sequence number repeats, or the runs are out of order)"
                    : $"{path}:{number}: run {entry.RunId} has sequence {entry.Sequence}, expected {expectedSequence} (a run was removed)");
            chainUnknown = false;
            previous = hash;
            expectedSequence = entry.Sequence + 1;
            entries.Add(entry);
        }
        return (entries, problems);
    }

    /// <summary>Where the line's hash member starts (-1 when it has none): the last <c>,"hash":"</c> followed by 64
    /// hexadecimal digits and a quote. <paramref name="after"/> is what follows that quote (<c>}</c> in a run's line).</summary>
    private static int HashCut(string line, out string hash, out string after)
    {
        for (var cut = line.LastIndexOf(HashMember, StringComparison.Ordinal); cut >= 0;
             cut = cut == 0 ? -1 : line.LastIndexOf(HashMember, cut - 1, StringComparison.Ordinal))
        {
            var start = cut + HashMember.Length;
            if (line.Length >= start + 65 && line[start + 64] == '"' && line.AsSpan(start, 64).ContainsAnyExcept("0123456789abcdef") is false)
            {
                hash = line.Substring(start, 64);
                after = line[(start + 65)..];
                if (after.EndsWith('}'))
                    return cut;
            }
        }
        hash = after = "";
        return -1;
    }

    private static string Describe(string extra) => extra.Length <= 40 ? $"\"{extra}\"" : $"\"{extra[..40]}...\"";

    /// <summary>What is wrong with an unreadable entry, in plain words (no parser internals).</summary>
    private static string Plain(Exception e) => e switch
    {
        JsonException { LineNumber: { } line, BytePositionInLine: { } column } => $"not valid JSON at line {line + 1}, column {column + 1}",
        JsonException => "not valid JSON",
        KeyNotFoundException => "a member of a run's record is missing",
        ArgumentException => "a key appears twice",
        _ => "a member of a run's record has the wrong type",
    };

    private static FileStream OpenExclusive(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 200)
            {
                Thread.Sleep(25); // another run is appending
            }
        }
    }

    /// <summary>The sequence and hash of the log's last run, and whether the file ends with a line feed (an empty one does).</summary>
    private static (long Sequence, string Hash, bool EndsWithLineFeed) Last(FileStream file, string path)
    {
        if (file.Length == 0)
            return (0, Genesis, true);
        // Read the tail to find the last line (lines are a few hundred bytes).
        var size = (int)Math.Min(file.Length, 64 * 1024);
        var tail = new byte[size];
        file.Seek(-size, SeekOrigin.End);
        file.ReadExactly(tail);
        // Read as verify reads it: CR LF line ends and a byte-order mark are allowed.
        var text = Encoding.UTF8.GetString(tail).TrimEnd('\n', '\r');
        var last = text[(text.LastIndexOf('\n') + 1)..].TrimStart('\uFEFF');
        var cut = last.LastIndexOf(HashMember, StringComparison.Ordinal);
        var unreadable = new InvalidDataException($"{path}: the last line is not a ChipScreen audit-log entry, so the log cannot be extended");
        if (cut < 0 || !last.EndsWith("\"}", StringComparison.Ordinal))
            throw unreadable;
        try
        {
            var entry = AuditLogEntry.Parse(last[..cut] + "}", last[(cut + HashMember.Length)..^2], 0);
            return (entry.Sequence, entry.Hash, tail[^1] == (byte)'\n');
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            throw unreadable;
        }
    }

    /// <summary>Whether <paramref name="e"/> is what <see cref="AuditLogEntry.Parse"/> throws for a line that is not an
    /// entry (bad JSON, a member missing or of the wrong type, a key written twice).</summary>
    private static bool IsUnreadable(Exception e) =>
        e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException;
}

/// <summary>One run in the audit log.</summary>
/// <param name="Sequence">1 for the first run of the log.</param>
/// <param name="RunId">The run id.</param>
/// <param name="Outputs">Output file name to SHA-256.</param>
/// <param name="InputSha256">SHA-256 of the input.</param>
/// <param name="PreviousHash">Hash of the line before.</param>
/// <param name="Hash">Hash of this line.</param>
/// <param name="LineNumber">Line of the log file.</param>
public sealed record AuditLogEntry(long Sequence, string RunId, IReadOnlyDictionary<string, string> Outputs, string InputSha256, string PreviousHash, string Hash, int LineNumber)
{
    /// <summary>The input's path as the run was given it (null in a line without one).</summary>
    public string? InputPath { get; init; }

    /// <summary>The output directory as the run was given it (null in a line without one).</summary>
    public string? OutputDirectory { get; init; }

    internal static AuditLogEntry Parse(string body, string hash, int line)
    {
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        var outputs = root.GetProperty("outputs").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
        return new AuditLogEntry(root.GetProperty("sequence").GetInt64(), root.GetProperty("run_id").GetString() ?? "", outputs,
            root.GetProperty("input_sha256").GetString() ?? "", root.GetProperty("previous_hash").GetString() ?? "", hash, line)
        {
            InputPath = root.TryGetProperty("input", out var input) && input.ValueKind == JsonValueKind.String ? input.GetString() : null,
            OutputDirectory = root.TryGetProperty("output_directory", out var output) && output.ValueKind == JsonValueKind.String ? output.GetString() : null,
        };
    }
}
