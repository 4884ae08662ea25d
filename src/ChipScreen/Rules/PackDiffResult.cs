using System.Globalization;
using System.Text;
using System.Text.Json;
using ChipScreen.Screening;

namespace ChipScreen.Rules;

/// <summary>What changes when a batch is screened under another pack: the changed lines and counts by change.</summary>
/// <param name="From">The first pack's id.</param>
/// <param name="FromRevision">Its revision.</param>
/// <param name="To">The second pack's id.</param>
/// <param name="ToRevision">Its revision.</param>
/// <param name="AsOf">The as-of date both screenings used.</param>
/// <param name="Lines">How many lines the batch has.</param>
/// <param name="Changes">The lines whose decision or exception changes, in input order.</param>
public sealed record PackDiffResult(string From, string FromRevision, string To, string ToRevision, DateOnly AsOf, long Lines, IReadOnlyList<PackDiffLine> Changes)
{
    /// <summary>How many lines make each change, most first, then by name.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Counts { get; } =
        Changes.GroupBy(c => c.Change).Select(g => KeyValuePair.Create(g.Key, g.Count()))
               .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToArray();

    /// <summary>The diff as text: each changed line with both sets of reasons, then the counts by change.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        sb.Append(Invariant($"{From} -> {To}, as of {AsOf:yyyy-MM-dd}: {Changes.Count} of {Lines} lines change\n"));
        foreach (var change in Changes)
        {
            var d = change.After;
            sb.Append(Invariant($"\nrow {d.Row}, order {d.OrderId} line {d.Line} ({Describe(d)}): {change.Change}\n"));
            foreach (var reason in change.Before.Reasons)
                sb.Append("  ").Append(From).Append(": ").Append(reason).Append('\n');
            foreach (var reason in change.After.Reasons)
                sb.Append("  ").Append(To).Append(": ").Append(reason).Append('\n');
        }
        if (Counts.Count > 0)
        {
            sb.Append("\nchanges:\n");
            var width = Counts.Max(c => c.Key.Length);
            foreach (var (change, count) in Counts)
                sb.Append("  ").Append(change.PadRight(width)).Append(Invariant($"  {count}\n"));
        }
        return sb.ToString();
    }

    /// <summary>The diff as JSON (for CI). Deterministic.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartObject("from");
            w.WriteString("id", From);
            w.WriteString("revision", FromRevision);
            w.WriteEndObject();
            w.WriteStartObject("to");
            w.WriteString("id", To);
            w.WriteString("revision", ToRevision);
            w.WriteEndObject();
            w.WriteString("as_of", AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteNumber("lines", Lines);
            w.WriteNumber("changed", Changes.Count);
            w.WriteStartObject("counts");
            foreach (var (change, count) in Counts)
                w.WriteNumber(change, count);
            w.WriteEndObject();
            w.WriteStartArray("changes");
            foreach (var change in Changes)
            {
                w.WriteStartObject();
                w.WriteNumber("row", change.After.Row);
                w.WriteString("order_id", change.After.OrderId);
                w.WriteString("line", change.After.Line);
                w.WriteString("item", Describe(change.After));
                w.WriteString("change", change.Change);
                Side(w, "before", change.Before);
                Side(w, "after", change.After);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Side(Utf8JsonWriter w, string name, Screening.LineDecision d)
    {
        w.WriteStartObject(name);
        w.WriteString("decision", d.Decision.ToContractString());
        w.WriteString("exception", d.Exception ?? "");
        w.WriteString("eccn", d.Eccn?.Value ?? "");
        if (d.Tier is { } tier) w.WriteNumber("tier", tier); else w.WriteNull("tier");
        w.WriteString("rule_ids", d.RuleIds);
        w.WriteStartArray("reasons");
        foreach (var reason in d.Reasons)
            w.WriteStringValue(reason.ToString());
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>What the line orders and where: <c>H20-96GB x 500 to CN</c>.</summary>
    private static string Describe(Screening.LineDecision d)
    {
        var item = d.Facts.Sku.Length > 0 ? d.Facts.Sku : Invariant($"TPP {d.Facts.Tpp:0.##}");
        return Invariant($"{item} x {d.Facts.Quantity} to {(d.Destination.Length > 0 ? d.Destination : "?")}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
