using System.Text.Json;
using ChipScreen.Rules;
using ChipScreen.Runs;
using ChipScreen.Screening;
using ChipScreen.Volumes;

namespace ChipScreen.Reports;

/// <summary>Writes <c>report.json</c>: schema-versioned, keys in a fixed order, invariant numbers, so two runs differ only in run id and timestamps.</summary>
public static class RunReportJson
{
    /// <summary>The version of the report's layout.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Writes the report to <paramref name="stream"/>.</summary>
    public static void Write(RunReport report, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteNumber("schema_version", SchemaVersion);
        w.WriteString("run_id", report.RunId);
        w.WriteStartObject("tool");
        w.WriteString("name", "chipscreen");
        w.WriteString("version", report.ToolVersion);
        w.WriteEndObject();
        w.WriteString("started_at", report.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("finished_at", report.FinishedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("as_of", Date(report.AsOf));

        w.WriteStartObject("pack");
        w.WriteString("id", report.Pack.Id);
        w.WriteString("title", report.Pack.Title);
        w.WriteString("version", report.Pack.Version);
        w.WriteString("effective_from", Date(report.Pack.EffectiveFrom));
        if (report.Pack.EffectiveTo is { } to)
            w.WriteString("effective_to", Date(to));
        else
            w.WriteNull("effective_to");
        w.WriteString("revision", report.PackRevision);
        w.WriteBoolean("in_force_on_as_of", report.PackInForce);
        w.WriteStartArray("sources");
        foreach (var source in report.Pack.Sources)
        {
            w.WriteStartObject();
            w.WriteString("citation", source.Citation);
            w.WriteString("title", source.Title);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartObject("input");
        w.WriteString("path", report.InputPath);
        w.WriteString("sha256", report.InputSha256);
        w.WriteNumber("lines", report.Summary.Lines);
        w.WriteStartArray("ignored_columns");
        foreach (var column in report.IgnoredColumns)
            w.WriteStringValue(column);
        w.WriteEndArray();
        w.WriteStartArray("ignore_column_options"); // --ignore-column: ignored on purpose, though they look like screening columns
        foreach (var column in report.IgnoreColumnOptions)
            w.WriteStringValue(column);
        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteString("rules_directory", report.RulesDirectory);
        Files(w, "rule_files", report.RuleFiles);

        Files(w, "list_files", report.ListFiles);

        w.WriteStartObject("counts");
        w.WriteNumber("lines", report.Summary.Lines);
        w.WriteStartObject("by_decision");
        foreach (var (decision, count) in report.Summary.ByDecision)
            w.WriteNumber(decision.ToContractString(), count);
        w.WriteEndObject();
        Map(w, "by_exception", report.Summary.ByException);
        Map(w, "by_tier", report.Summary.ByTier);
        DecisionMap(w, "by_destination", report.Summary.ByDestination, "unknown");
        DecisionMap(w, "by_eccn", report.Summary.ByEccn, "none");
        Map(w, "by_rule", report.Summary.ByRule);
        // Lines whose parties have a candidate on the restricted-party lists, by the candidate's verdict.
        w.WriteStartObject("lines_by_party_verdict");
        foreach (var (verdict, lines) in report.Summary.ByPartyVerdict)
            w.WriteNumber(verdict, lines);
        w.WriteEndObject();
        // Lines that ship on or after the day the run's rules change: decided for the as-of date, to be screened again.
        var after = report.Summary.AfterChange;
        w.WriteStartObject("shipping_after_rules_change");
        w.WriteNumber("lines", after?.Lines ?? 0);
        if (after is not null)
        {
            w.WriteString("rules_change_on", Date(after.Change.On));
            w.WriteString("rules_change", after.Change.What);
            w.WriteString("first_ship_date", Date(after.First));
            w.WriteString("last_ship_date", Date(after.Last));
        }
        else
        {
            foreach (var name in (ReadOnlySpan<string>)["rules_change_on", "rules_change", "first_ship_date", "last_ship_date"])
                w.WriteNull(name);
        }
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("volumes");
        w.WriteNumber("volume_dependent_lines", report.Volumes.DependentLines);
        Totals(w, "consignee_year", report.Volumes.ConsigneeTotals, "consignee", "year");
        Totals(w, "country_allocation", report.Volumes.CountryTotals, "country", "period");
        w.WriteEndObject();

        LedgerJson.Write(w, report.Ledger);

        if (report.AuditLogPath is { } auditLog)
            w.WriteString("audit_log", auditLog);
        else
            w.WriteNull("audit_log"); // audit-log.jsonl beside the outputs
        Files(w, "outputs", report.Outputs);
        w.WriteEndObject();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes files as an array named <paramref name="name"/> of <c>{"path", "sha256"}</c> objects.</summary>
    internal static void Files(Utf8JsonWriter w, string name, IEnumerable<PackFile> files)
    {
        w.WriteStartArray(name);
        foreach (var file in files)
        {
            w.WriteStartObject();
            w.WriteString("path", file.Path);
            w.WriteString("sha256", file.Sha256);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Map(Utf8JsonWriter w, string name, IReadOnlyList<KeyValuePair<string, long>> map)
    {
        w.WriteStartObject(name);
        foreach (var (key, count) in map)
            w.WriteNumber(key.Length == 0 ? "unknown" : key, count);
        w.WriteEndObject();
    }

    /// <summary>Writes counts per key and decision; <paramref name="emptyKey"/> names the empty key (an unknown destination,
    /// or no 3A090/4A090 ECCN).</summary>
    private static void DecisionMap(Utf8JsonWriter w, string name, IReadOnlyList<KeyValuePair<string, long[]>> map, string emptyKey)
    {
        w.WriteStartObject(name);
        foreach (var (key, counts) in map)
        {
            w.WriteStartObject(key.Length == 0 ? emptyKey : key);
            foreach (var decision in DecisionText.BySeverity)
                if (counts[(int)decision] > 0)
                    w.WriteNumber(decision.ToContractString(), counts[(int)decision]);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void Totals(Utf8JsonWriter w, string name, IReadOnlyList<VolumeTotal> totals, string keyName, string periodName)
    {
        w.WriteStartArray(name);
        foreach (var t in totals)
        {
            w.WriteStartObject();
            w.WriteString(keyName, t.Key);
            if (t.Name is { } consigneeName)
                w.WriteString("name", consigneeName);
            w.WriteString(periodName, t.Period);
            w.WriteNumber("before", t.Before);
            w.WriteNumber("after", t.After);
            w.WriteNumber("limit", t.Limit);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
