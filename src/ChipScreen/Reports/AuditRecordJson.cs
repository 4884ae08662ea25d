using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChipScreen.Orders;
using ChipScreen.Screening;
using ChipScreen.Volumes;

namespace ChipScreen.Reports;

/// <summary>Formats one line's audit record for <c>audit.jsonl</c>: the input as read, the facts the rules saw (the
/// parties' matches on the restricted-party lists among them), and every rule that fired with its citation and
/// message.</summary>
/// <remarks>
/// One JSON object per line, keys in a fixed order, invariant numbers (performance density rounded to six
/// decimals), no timestamps or run id: the same line under the same pack and date gives the same bytes.
/// Thread-safe: records are made on the workers that decide the lines.
/// The record's shape is fixed, so it is written straight into UTF-8 (<see cref="JsonLine"/>): keys are constants,
/// strings are escaped as <see cref="Utf8JsonWriter"/> escapes them with <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>
/// (<c>AuditRecordJsonTests</c> compares the two).
/// </remarks>
public static class AuditRecordJson
{
    /// <summary>The version of the record's layout.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The escaping of every string: what <see cref="Utf8JsonWriter"/> does with this encoder.</summary>
    internal static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    // The input's column names as keys, encoded once: ,"order_id":
    private static readonly byte[][] s_columns = OrderColumns.All.Select(c => Encoding.UTF8.GetBytes($",\"{c}\":")).ToArray();

    // Each decision as a JSON string, by its value: written as it is rather than checked and encoded every time.
    private static readonly byte[][] s_decisions =
        [.. Enum.GetValues<Decision>().OrderBy(d => (int)d).Select(d => Encoding.UTF8.GetBytes($"\"{d.ToContractString()}\""))];

    [ThreadStatic]
    private static JsonLine? t_line;

    /// <summary>The record of <paramref name="decision"/>, UTF-8, ending with a line feed.</summary>
    public static byte[] Format(LineDecision decision) => FormatSpan(decision).ToArray();

    /// <summary>Formats the record into this thread's buffer; the span is valid until the next call on the thread.</summary>
    internal static ReadOnlySpan<byte> FormatSpan(LineDecision decision)
    {
        var j = t_line ??= new JsonLine();
        j.Clear();
        Append(j, decision);
        return j.Written;
    }

    /// <summary>Appends the record of <paramref name="decision"/>, with its line feed, to what <paramref name="j"/> holds.</summary>
    internal static void Append(JsonLine j, LineDecision decision)
    {
        Write(j, decision);
        j.Raw("\n"u8);
    }

    private static void Write(JsonLine j, LineDecision d)
    {
        var f = d.Facts;
        var input = d.Input;
        j.Raw("{\"row\":"u8);
        j.Number(d.Row);
        if (input.SourceLine > 0)
        {
            j.Raw(",\"file_line\":"u8);
            j.Number(input.SourceLine);
        }
        j.Raw(",\"order_id\":"u8);
        j.String(d.OrderId);
        j.Raw(",\"line\":"u8);
        j.String(d.Line);
        j.Raw(",\"decision\":"u8);
        j.Raw(s_decisions[(int)d.Decision]);
        j.Raw(",\"exception\":"u8);
        j.StringOrNull(d.Exception);
        j.Raw(",\"eccn\":"u8);
        j.StringOrNull(d.Eccn?.Value);
        j.Raw(",\"tier\":"u8);
        if (d.Tier is { } tier)
            j.Number(tier);
        else
            j.Null();
        j.Raw(",\"destination\":"u8);
        j.StringOrNullIfEmpty(d.Destination);

        j.Raw(",\"input\":{"u8);
        if (input.Raw is { } raw)
        {
            var first = true;
            for (var i = 0; i < raw.Count && i < OrderColumns.All.Count; i++)
            {
                if (raw[i] is not { } text)
                    continue;
                j.Raw(first ? s_columns[i].AsSpan(1) : s_columns[i]);
                j.String(text);
                first = false;
            }
        }
        else
        {
            WriteTyped(j, input);
        }
        j.Raw("}"u8);

        j.Raw(",\"facts\":{\"sku\":"u8);
        j.StringOrNullIfEmpty(f.Sku);
        j.Raw(",\"tpp\":"u8);
        j.Number(f.Tpp);
        j.Raw(",\"die_area_mm2\":"u8);
        j.NumberOrNull(f.DieAreaMm2);
        j.Raw(",\"pd\":"u8);
        j.NumberOrNull(f.Pd is { } pd ? decimal.Round(pd, 6) : null);
        j.Raw(",\"datacenter\":"u8);
        j.Boolean(f.Datacenter);
        j.Raw(",\"chips_per_unit\":"u8);
        j.Number(f.ChipsPerUnit);
        j.Raw(",\"quantity\":"u8);
        j.Number(f.Quantity);
        j.Raw(",\"class_basis\":"u8);
        j.String(f.ClassBasis);
        j.Raw(",\"ship_to\":"u8);
        j.StringOrNullIfEmpty(f.ShipTo);
        j.Raw(",\"ultimate_destination\":"u8);
        j.StringOrNullIfEmpty(d.Destination);
        j.Raw(",\"hq_country\":"u8);
        j.StringOrNullIfEmpty(f.HqCountry);
        j.Raw(",\"destination_groups\":["u8);
        for (var i = 0; i < f.DestinationGroups.Length; i++)
        {
            if (i > 0)
                j.Raw(","u8);
            j.String(f.DestinationGroups[i]);
        }
        j.Raw("],\"ship_date\":"u8);
        j.Date(f.ShipDate);
        j.Raw(",\"consignee\":"u8);
        j.String(f.Consignee);
        j.Raw(",\"party_matches\":["u8);
        for (var i = 0; i < f.PartyMatches.Length; i++)
        {
            if (i > 0)
                j.Raw(","u8);
            WriteMatch(j, f.PartyMatches[i]);
        }
        j.Raw("],\"volume\":{\"line\":"u8);
        j.Number(f.Volume.LineVolume);
        j.Raw(",\"depends_on_volume\":"u8);
        j.Boolean(f.Volume.DependsOnVolume);
        if (f.Volume.DependsOnVolume)
        {
            j.Raw(",\"consignee_year_before\":"u8);
            j.Number(f.Volume.ConsigneeYearBefore);
            j.Raw(",\"allocation_period\":"u8);
            j.StringOrNullIfEmpty(f.Volume.AllocationPeriod);
            j.Raw(",\"country_allocation_before\":"u8);
            j.Number(f.Volume.CountryAllocationBefore);
        }
        j.Raw(",\"consumed\":["u8);
        for (var i = 0; i < f.Volume.Consumed.Length; i++)
        {
            if (i > 0)
                j.Raw(","u8);
            j.String(f.Volume.Consumed[i].Name());
        }
        j.Raw("]},\"data_issues\":["u8);
        for (var i = 0; i < f.DataIssues.Length; i++)
        {
            if (i > 0)
                j.Raw(","u8);
            j.String(f.DataIssues[i]);
        }
        j.Raw("]},\"rules\":["u8);
        var reasons = t_reasons ??= new ReasonFragments<JsonLine>(WriteAroundMessage);
        for (var i = 0; i < d.Reasons.Length; i++)
        {
            var r = d.Reasons[i];
            if (i > 0)
                j.Raw(","u8);
            var (before, after) = reasons.Of(r);
            j.Raw(before);
            j.String(r.Message);
            j.Raw(after);
        }
        j.Raw("]}"u8);
    }

    /// <summary>A party's match, potential match or cleared candidate on a list entry: what it was screened as, the
    /// entry, the score and verdict, and how the names compared.</summary>
    private static void WriteMatch(JsonLine j, Parties.PartyMatch m)
    {
        j.Raw("{\"role\":"u8);
        j.String(m.Role);
        j.Raw(",\"name\":"u8);
        j.String(m.Name);
        j.Raw(",\"country\":"u8);
        j.StringOrNullIfEmpty(m.Country);
        j.Raw(",\"list\":"u8);
        j.String(m.List);
        j.Raw(",\"entry_id\":"u8);
        j.String(m.EntryId);
        j.Raw(",\"entry_name\":"u8);
        j.String(m.EntryName);
        j.Raw(",\"entry_hash\":"u8);
        j.String(m.EntryHash);
        j.Raw(",\"matched_name\":"u8);
        j.String(m.MatchedName);
        j.Raw(",\"matched_as\":"u8);
        j.String(m.MatchedAs);
        j.Raw(",\"score\":"u8);
        j.Number(m.Score);
        j.Raw(",\"verdict\":"u8);
        j.String(m.Verdict);
        j.Raw(",\"federal_register_notice\":"u8);
        j.StringOrNullIfEmpty(m.FederalRegisterNotice);
        j.Raw(",\"license_policy\":"u8);
        j.StringOrNullIfEmpty(m.LicensePolicy);
        j.Raw(",\"policy\":"u8);
        j.StringOrNullIfEmpty(m.Policy);
        j.Raw(",\"explanation\":"u8);
        j.String(m.Explanation);
        j.Raw("}"u8);
    }

    [ThreadStatic]
    private static ReasonFragments<JsonLine>? t_reasons;

    /// <summary>A rule's entry but its message: the same for every line the rule fires on.</summary>
    private static void WriteAroundMessage(Reason r, JsonLine before, JsonLine after)
    {
        before.Raw("{\"id\":"u8);
        before.String(r.RuleId);
        before.Raw(",\"decision\":"u8);
        before.Raw(s_decisions[(int)r.Decision]);
        before.Raw(",\"exception\":"u8);
        before.StringOrNull(r.Exception);
        before.Raw(",\"citation\":"u8);
        before.String(r.Citation);
        before.Raw(",\"message\":"u8);
        after.Raw("}"u8);
    }

    /// <summary>The input of a line that came without its raw fields (the service): its typed values.</summary>
    private static void WriteTyped(JsonLine j, OrderLine line)
    {
        j.Raw(s_columns[0].AsSpan(1)); // order_id
        j.String(line.OrderId);
        if (line.Line.Length > 0)
        {
            j.Raw(s_columns[1]);
            j.String(line.Line);
        }
        if (line.ShipDate is { } date)
        {
            j.Raw(s_columns[2]);
            j.Date(date);
        }
        Optional(j, 3, line.Sku);
        if (line.Tpp is { } tpp)
        {
            j.Raw(s_columns[4]);
            j.Number(tpp);
        }
        if (line.DieAreaMm2 is { } die)
        {
            j.Raw(s_columns[5]);
            j.Number(die);
        }
        if (line.Datacenter is { } dc)
        {
            j.Raw(s_columns[6]);
            j.Boolean(dc);
        }
        if (line.ChipsPerUnit is { } cpu)
        {
            j.Raw(s_columns[7]);
            j.Number(cpu);
        }
        if (line.Quantity is { } q)
        {
            j.Raw(s_columns[8]);
            j.Number(q);
        }
        j.Raw(s_columns[9]);
        j.String(line.DestinationCountry);
        j.Raw(s_columns[10]);
        j.String(line.EndUser);
        Optional(j, 11, line.EndUserCountry);
        Optional(j, 12, line.EndUserHqCountry);
        Optional(j, 13, line.Consignee);
        Optional(j, 14, line.EndUse);
    }

    private static void Optional(JsonLine j, int column, string? value)
    {
        if (value is null)
            return;
        j.Raw(s_columns[column]);
        j.String(value);
    }
}
