using System.Text;
using System.Text.Json;
using ChipScreen.Screening;

namespace ChipScreen.Rules;

/// <summary>The outcome of running the tests of one or more packs.</summary>
/// <param name="Packs">Each pack's outcome, by id.</param>
public sealed record PackTestRun(IReadOnlyList<PackTestOutcome> Packs)
{
    /// <summary>Cases that passed, over every pack.</summary>
    public int Passed => Packs.Sum(p => p.Passed);

    /// <summary>Cases that failed and rules without a test, over every pack.</summary>
    public int Failed => Packs.Sum(p => p.Failed);

    /// <summary>Errors that kept tests from running.</summary>
    public int Errors => Packs.Sum(p => p.Errors.Count);

    /// <summary>The report as text: each failing case with expected versus actual and the reasons, each pack's counts,
    /// and a last line <c>N passed, N failed, N errors</c>; <paramref name="verbose"/> lists passing cases too.</summary>
    public string ToText(bool verbose = false)
    {
        var sb = new StringBuilder();
        foreach (var pack in Packs)
        {
            foreach (var error in pack.Errors)
                sb.Append("ERROR ").Append(error).Append('\n');
            foreach (var result in pack.Results)
            {
                if (result.Passed && !verbose)
                    continue;
                sb.Append(result.Passed ? "PASS  " : "FAIL  ").Append(result.Case.File).Append(':').Append(result.Case.Line).Append(": ").Append(result.Case.Name).Append('\n');
                if (result.Passed)
                    continue;
                foreach (var difference in result.Differences)
                    sb.Append("        ").Append(difference).Append('\n');
                sb.Append("        expected: ").Append(result.Case.Expect).Append('\n');
                sb.Append("        actual:   ").Append(result.ActualSummary).Append('\n');
                foreach (var reason in result.Actual.Reasons)
                    sb.Append("        reason:   ").Append(reason).Append('\n');
            }
            foreach (var rule in pack.Uncovered)
                sb.Append("FAIL  ").Append(pack.PackId).Append(": rule ").Append(rule).Append(" has no test case (add a case whose expect.rule_ids names it)\n");
            sb.Append(pack.Errors.Count > 0
                ? $"{pack.PackId}: could not run ({pack.Errors.Count} error{(pack.Errors.Count == 1 ? "" : "s")})\n"
                : $"{pack.PackId}: {pack.Passed} passed, {pack.Failed} failed{(pack.Uncovered.Count == 0 ? "; every rule has a test" : $" ({pack.Uncovered.Count} rule{(pack.Uncovered.Count == 1 ? "" : "s")} without a test)")}\n");
        }
        sb.Append($"{Passed} passed, {Failed} failed, {Errors} error{(Errors == 1 ? "" : "s")}\n");
        return sb.ToString();
    }

    /// <summary>The report as JSON (for CI). Deterministic.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("passed", Passed);
            w.WriteNumber("failed", Failed);
            w.WriteNumber("errors", Errors);
            w.WriteStartArray("packs");
            foreach (var pack in Packs)
            {
                w.WriteStartObject();
                w.WriteString("id", pack.PackId);
                w.WriteNumber("passed", pack.Passed);
                w.WriteNumber("failed", pack.Failed);
                w.WriteStartArray("uncovered_rules");
                foreach (var rule in pack.Uncovered)
                    w.WriteStringValue(rule);
                w.WriteEndArray();
                w.WriteStartArray("errors");
                foreach (var error in pack.Errors)
                    RulesValidation.WriteError(w, error);
                w.WriteEndArray();
                w.WriteStartArray("cases");
                foreach (var result in pack.Results)
                {
                    w.WriteStartObject();
                    w.WriteString("file", result.Case.File);
                    if (result.Case.Line is { } line) w.WriteNumber("line", line); else w.WriteNull("line");
                    w.WriteString("name", result.Case.Name);
                    w.WriteBoolean("passed", result.Passed);
                    w.WriteStartArray("differences");
                    foreach (var d in result.Differences)
                        w.WriteStringValue(d);
                    w.WriteEndArray();
                    w.WriteString("expected", result.Case.Expect.ToString());
                    w.WriteStartObject("actual");
                    w.WriteString("decision", result.Actual.Decision.ToContractString());
                    w.WriteString("exception", result.Actual.Exception ?? "");
                    w.WriteString("eccn", result.Actual.Eccn?.Value ?? "");
                    if (result.Actual.Tier is { } tier) w.WriteNumber("tier", tier); else w.WriteNull("tier");
                    w.WriteStartArray("rule_ids");
                    foreach (var reason in result.Actual.Reasons)
                        w.WriteStringValue(reason.RuleId);
                    w.WriteEndArray();
                    w.WriteStartArray("reasons");
                    foreach (var reason in result.Actual.Reasons)
                        w.WriteStringValue(reason.ToString());
                    w.WriteEndArray();
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
