using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChipScreen.Orders;
using ChipScreen.Reports;
using ChipScreen.Screening;
using ChipScreen.Volumes;

namespace ChipScreen.Tests.Reports;

/// <summary>The audit record as <see cref="Utf8JsonWriter"/> writes it: the implementation before the record was written
/// straight into UTF-8, kept to check that <see cref="ChipScreen.Reports.AuditRecordJson"/> writes the same bytes.</summary>
internal static class AuditRecordReference
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private static readonly JsonEncodedText NAllocationPeriod = JsonEncodedText.Encode("allocation_period");
    private static readonly JsonEncodedText NChipsPerUnit = JsonEncodedText.Encode("chips_per_unit");
    private static readonly JsonEncodedText NCitation = JsonEncodedText.Encode("citation");
    private static readonly JsonEncodedText NClassBasis = JsonEncodedText.Encode("class_basis");
    private static readonly JsonEncodedText NConsignee = JsonEncodedText.Encode("consignee");
    private static readonly JsonEncodedText NConsigneeYearBefore = JsonEncodedText.Encode("consignee_year_before");
    private static readonly JsonEncodedText NConsumed = JsonEncodedText.Encode("consumed");
    private static readonly JsonEncodedText NCountryAllocationBefore = JsonEncodedText.Encode("country_allocation_before");
    private static readonly JsonEncodedText NDataIssues = JsonEncodedText.Encode("data_issues");
    private static readonly JsonEncodedText NDatacenter = JsonEncodedText.Encode("datacenter");
    private static readonly JsonEncodedText NDecision = JsonEncodedText.Encode("decision");
    private static readonly JsonEncodedText NDependsOnVolume = JsonEncodedText.Encode("depends_on_volume");
    private static readonly JsonEncodedText NDestination = JsonEncodedText.Encode("destination");
    private static readonly JsonEncodedText NDestinationGroups = JsonEncodedText.Encode("destination_groups");
    private static readonly JsonEncodedText NDieAreaMm2 = JsonEncodedText.Encode("die_area_mm2");
    private static readonly JsonEncodedText NEccn = JsonEncodedText.Encode("eccn");
    private static readonly JsonEncodedText NException = JsonEncodedText.Encode("exception");
    private static readonly JsonEncodedText NFacts = JsonEncodedText.Encode("facts");
    private static readonly JsonEncodedText NFileLine = JsonEncodedText.Encode("file_line");
    private static readonly JsonEncodedText NHqCountry = JsonEncodedText.Encode("hq_country");
    private static readonly JsonEncodedText NId = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText NInput = JsonEncodedText.Encode("input");
    private static readonly JsonEncodedText NLine = JsonEncodedText.Encode("line");
    private static readonly JsonEncodedText NMessage = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText NOrderId = JsonEncodedText.Encode("order_id");
    private static readonly JsonEncodedText NPd = JsonEncodedText.Encode("pd");
    private static readonly JsonEncodedText NQuantity = JsonEncodedText.Encode("quantity");
    private static readonly JsonEncodedText NRow = JsonEncodedText.Encode("row");
    private static readonly JsonEncodedText NRules = JsonEncodedText.Encode("rules");
    private static readonly JsonEncodedText NShipDate = JsonEncodedText.Encode("ship_date");
    private static readonly JsonEncodedText NShipTo = JsonEncodedText.Encode("ship_to");
    private static readonly JsonEncodedText NSku = JsonEncodedText.Encode("sku");
    private static readonly JsonEncodedText NTier = JsonEncodedText.Encode("tier");
    private static readonly JsonEncodedText NTpp = JsonEncodedText.Encode("tpp");
    private static readonly JsonEncodedText NUltimateDestination = JsonEncodedText.Encode("ultimate_destination");
    private static readonly JsonEncodedText NVolume = JsonEncodedText.Encode("volume");

    // Column names of the input, encoded once.
    private static readonly JsonEncodedText[] s_columns = OrderColumns.All.Select(c => JsonEncodedText.Encode(c)).ToArray();

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static byte[] Format(LineDecision decision) => FormatSpan(decision).ToArray();

    /// <summary>Formats the record into this thread's buffer; the span is valid until the next call on the thread.</summary>
    internal static ReadOnlySpan<byte> FormatSpan(LineDecision decision)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(2048);
        buffer.ResetWrittenCount();
        var w = t_writer ??= new Utf8JsonWriter(buffer, s_options);
        w.Reset(buffer);
        Write(w, decision);
        w.Flush();
        buffer.GetSpan(1)[0] = (byte)'\n';
        buffer.Advance(1);
        return buffer.WrittenSpan;
    }

    private static void Write(Utf8JsonWriter w, LineDecision d)
    {
        var f = d.Facts;
        var input = d.Input;
        w.WriteStartObject();
        w.WriteNumber(NRow, d.Row);
        if (input.SourceLine > 0)
            w.WriteNumber(NFileLine, input.SourceLine);
        w.WriteString(NOrderId, d.OrderId);
        w.WriteString(NLine, d.Line);
        w.WriteString(NDecision, d.Decision.ToContractString());
        Nullable(w, NException, d.Exception);
        Nullable(w, NEccn, d.Eccn?.Value);
        if (d.Tier is { } tier)
            w.WriteNumber(NTier, tier);
        else
            w.WriteNull(NTier);
        Nullable(w, NDestination, d.Destination.Length == 0 ? null : d.Destination);

        w.WriteStartObject(NInput);
        if (input.Raw is { } raw)
        {
            for (var i = 0; i < raw.Count && i < OrderColumns.All.Count; i++)
                if (raw[i] is { } text)
                    w.WriteString(s_columns[i], text);
        }
        else
        {
            WriteTyped(w, input);
        }
        w.WriteEndObject();

        w.WriteStartObject(NFacts);
        Nullable(w, NSku, f.Sku.Length == 0 ? null : f.Sku);
        w.WriteNumber(NTpp, f.Tpp);
        NullableNumber(w, NDieAreaMm2, f.DieAreaMm2);
        NullableNumber(w, NPd, f.Pd is { } pd ? decimal.Round(pd, 6) : null);
        w.WriteBoolean(NDatacenter, f.Datacenter);
        w.WriteNumber(NChipsPerUnit, f.ChipsPerUnit);
        w.WriteNumber(NQuantity, f.Quantity);
        w.WriteString(NClassBasis, f.ClassBasis);
        Nullable(w, NShipTo, f.ShipTo.Length == 0 ? null : f.ShipTo);
        Nullable(w, NUltimateDestination, d.Destination.Length == 0 ? null : d.Destination);
        Nullable(w, NHqCountry, f.HqCountry.Length == 0 ? null : f.HqCountry);
        w.WriteStartArray(NDestinationGroups);
        foreach (var g in f.DestinationGroups)
            w.WriteStringValue(g);
        w.WriteEndArray();
        w.WriteString(NShipDate, f.ShipDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString(NConsignee, f.Consignee);
        w.WriteStartArray("party_matches");
        foreach (var m in f.PartyMatches)
        {
            w.WriteStartObject();
            w.WriteString("role", m.Role);
            w.WriteString("name", m.Name);
            Nullable(w, JsonEncodedText.Encode("country"), m.Country.Length == 0 ? null : m.Country);
            w.WriteString("list", m.List);
            w.WriteString("entry_id", m.EntryId);
            w.WriteString("entry_name", m.EntryName);
            w.WriteString("entry_hash", m.EntryHash);
            w.WriteString("matched_name", m.MatchedName);
            w.WriteString("matched_as", m.MatchedAs);
            w.WriteNumber("score", m.Score);
            w.WriteString("verdict", m.Verdict);
            Nullable(w, JsonEncodedText.Encode("federal_register_notice"), m.FederalRegisterNotice.Length == 0 ? null : m.FederalRegisterNotice);
            Nullable(w, JsonEncodedText.Encode("license_policy"), m.LicensePolicy.Length == 0 ? null : m.LicensePolicy);
            Nullable(w, JsonEncodedText.Encode("policy"), m.Policy.Length == 0 ? null : m.Policy);
            w.WriteString("explanation", m.Explanation);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject(NVolume);
        w.WriteNumber(NLine, f.Volume.LineVolume);
        w.WriteBoolean(NDependsOnVolume, f.Volume.DependsOnVolume);
        if (f.Volume.DependsOnVolume)
        {
            w.WriteNumber(NConsigneeYearBefore, f.Volume.ConsigneeYearBefore);
            Nullable(w, NAllocationPeriod, f.Volume.AllocationPeriod.Length == 0 ? null : f.Volume.AllocationPeriod);
            w.WriteNumber(NCountryAllocationBefore, f.Volume.CountryAllocationBefore);
        }
        w.WriteStartArray(NConsumed);
        foreach (var account in f.Volume.Consumed)
            w.WriteStringValue(account.Name());
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartArray(NDataIssues);
        foreach (var issue in f.DataIssues)
            w.WriteStringValue(issue);
        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartArray(NRules);
        foreach (var r in d.Reasons)
        {
            w.WriteStartObject();
            w.WriteString(NId, r.RuleId);
            w.WriteString(NDecision, r.Decision.ToContractString());
            Nullable(w, NException, r.Exception);
            w.WriteString(NCitation, r.Citation);
            w.WriteString(NMessage, r.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTyped(Utf8JsonWriter w, OrderLine line)
    {
        w.WriteString(OrderColumns.OrderId, line.OrderId);
        if (line.Line.Length > 0)
            w.WriteString(OrderColumns.Line, line.Line);
        if (line.ShipDate is { } date)
            w.WriteString(OrderColumns.ShipDate, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Optional(w, s_columns[3], line.Sku);
        if (line.Tpp is { } tpp)
            w.WriteNumber(OrderColumns.Tpp, tpp);
        if (line.DieAreaMm2 is { } die)
            w.WriteNumber(OrderColumns.DieAreaMm2, die);
        if (line.Datacenter is { } dc)
            w.WriteBoolean(OrderColumns.Datacenter, dc);
        if (line.ChipsPerUnit is { } cpu)
            w.WriteNumber(OrderColumns.ChipsPerUnit, cpu);
        if (line.Quantity is { } q)
            w.WriteNumber(OrderColumns.Quantity, q);
        w.WriteString(OrderColumns.DestinationCountry, line.DestinationCountry);
        w.WriteString(OrderColumns.EndUser, line.EndUser);
        Optional(w, s_columns[11], line.EndUserCountry);
        Optional(w, s_columns[12], line.EndUserHqCountry);
        Optional(w, s_columns[13], line.Consignee);
        Optional(w, s_columns[14], line.EndUse);
    }

    private static void Optional(Utf8JsonWriter w, JsonEncodedText name, string? value)
    {
        if (value is not null)
            w.WriteString(name, value);
    }

    private static void Nullable(Utf8JsonWriter w, JsonEncodedText name, string? value)
    {
        if (value is null)
            w.WriteNull(name);
        else
            w.WriteString(name, value);
    }

    private static void NullableNumber(Utf8JsonWriter w, JsonEncodedText name, decimal? value)
    {
        if (value is { } v)
            w.WriteNumber(name, v);
        else
            w.WriteNull(name);
    }
}
