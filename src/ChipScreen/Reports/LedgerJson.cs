using System.Text.Json;
using ChipScreen.Ledger;

namespace ChipScreen.Reports;

/// <summary>The <c>ledger</c> member of report.json and of an audit-log line: which ledger the run counted after and
/// what its commit did; <c>null</c> when the run used no ledger (volumes counted from zero).</summary>
internal static class LedgerJson
{
    public static void Write(Utf8JsonWriter w, LedgerUse? ledger)
    {
        if (ledger is null)
        {
            w.WriteNull("ledger");
            return;
        }
        w.WriteStartObject("ledger");
        w.WriteString("store", ledger.StoreName);
        w.WriteString("location", ledger.Location);
        w.WriteNumber("schema_version", ledger.SchemaVersion);
        w.WriteBoolean("committed", ledger.Committed);
        if (ledger.Commit is { } commit)
        {
            w.WriteNumber("entries_added", commit.Added);
            w.WriteNumber("entries_replaced", commit.Replaced);
            w.WriteNumber("entries_unchanged", commit.Unchanged);
            w.WriteNumber("attempts", commit.Attempts);
            w.WriteBoolean("redecided", commit.Redecided);
        }
        w.WriteEndObject();
    }
}
