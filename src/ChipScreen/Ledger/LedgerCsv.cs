using System.Globalization;
using ChipScreen.Volumes;
using CsvHelper;

namespace ChipScreen.Ledger;

/// <summary>Writes ledger entries as CSV: RFC 4180, UTF-8 without BOM, invariant numbers and ISO dates, text a
/// spreadsheet would run as a formula prefixed with an apostrophe. Deterministic.</summary>
public static class LedgerCsv
{
    /// <summary>The header row.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "entry_id", "order_id", "line", "account", "account_key", "period", "volume", "consignee", "destination", "ship_date",
        "decision", "exception", "run_id", "committed_at", "status", "ended_at", "ended_by", "end_reason",
    ];

    /// <summary>Writes <paramref name="entries"/> to <paramref name="stream"/> (left open), header first.</summary>
    public static void Write(IEnumerable<LedgerEntry> entries, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(stream);
        using var csv = CsvWriter.Create(stream, new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture, WriteByteOrderMark = false, Injection = CsvInjection.None }, leaveOpen: true);
        csv.WriteHeader(Columns.ToArray());
        foreach (var e in entries)
        {
            csv.WriteField(e.EntryId.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(Reports.DecisionsCsvWriter.Defused(e.OrderId));
            csv.WriteField(Reports.DecisionsCsvWriter.Defused(e.Line));
            csv.WriteField(e.Account.Name());
            csv.WriteField(Reports.DecisionsCsvWriter.Defused(e.AccountKey));
            csv.WriteField(e.Period);
            csv.WriteField(LedgerNumbers.Canonical(e.Volume));
            csv.WriteField(Reports.DecisionsCsvWriter.Defused(e.Consignee));
            csv.WriteField(e.Destination);
            csv.WriteField(LedgerNumbers.Date(e.ShipDate));
            csv.WriteField(e.Decision);
            csv.WriteField(e.Exception);
            csv.WriteField(e.RunId);
            csv.WriteField(LedgerNumbers.Time(e.CommittedAt));
            csv.WriteField(e.Status.Name());
            csv.WriteField(e.EndedAt is { } ended ? LedgerNumbers.Time(ended) : "");
            csv.WriteField(e.EndedBy ?? "");
            csv.WriteField(Reports.DecisionsCsvWriter.Defused(e.EndReason ?? ""));
            csv.EndRecord();
        }
        csv.Flush();
    }
}
