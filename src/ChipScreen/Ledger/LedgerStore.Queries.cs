using System.Data.Common;
using System.Text;
using ChipScreen.Volumes;

namespace ChipScreen.Ledger;

/// <summary>Reading the ledger for people (show, export) and voiding entries.</summary>
internal abstract partial class LedgerStore
{
    /// <summary>Accounts with active entries, filtered, in key order.</summary>
    public List<LedgerAccountTotal> Accounts(LedgerQuery query)
    {
        var sql = new StringBuilder("""
            SELECT a.account, a.account_key, a.period, a.period_from, a.period_to, a.total,
                (SELECT COUNT(*) FROM ledger_entries e WHERE e.status = 'active' AND e.account = a.account AND e.account_key = a.account_key AND e.period = a.period),
                CASE WHEN a.account = 'consignee_year' THEN (SELECT e.consignee FROM ledger_entries e
                    WHERE e.status = 'active' AND e.account = a.account AND e.account_key = a.account_key AND e.period = a.period
                    ORDER BY e.entry_id DESC LIMIT 1) END
            FROM ledger_accounts a WHERE 1 = 1
            """);
        var parameters = new List<(string, object?)>();
        var byKey = new List<string>();
        if (query.ConsigneeKey is { } consignee)
        {
            byKey.Add("(a.account = 'consignee_year' AND a.account_key = @consignee)");
            parameters.Add(("consignee", consignee));
        }
        if (query.CountryCode is { } country)
        {
            byKey.Add("(a.account = 'country_allocation' AND a.account_key = @country)");
            parameters.Add(("country", country));
        }
        if (byKey.Count > 0)
            sql.Append(" AND (").Append(string.Join(" OR ", byKey)).Append(')');
        if (query.Year is { } year)
        {
            sql.Append(" AND a.period_from <= @year_end AND a.period_to >= @year_start");
            parameters.Add(("year_start", Date(new DateOnly(year, 1, 1))));
            parameters.Add(("year_end", Date(new DateOnly(year, 12, 31))));
        }
        sql.Append(" ORDER BY a.account, a.account_key, a.period");
        using var command = Command(sql.ToString(), [.. parameters]);
        using var reader = command.ExecuteReader();
        var list = new List<LedgerAccountTotal>();
        while (reader.Read())
        {
            var total = new LedgerAccountTotal(ReadAccount(reader, 0), reader.GetString(1), reader.GetString(2),
                ReadDate(reader, 3), ReadDate(reader, 4), ReadVolume(reader, 5), Convert.ToInt64(reader.GetValue(6), System.Globalization.CultureInfo.InvariantCulture))
            {
                Name = reader.IsDBNull(7) ? null : reader.GetString(7),
            };
            if (total.ActiveEntries > 0 || total.Total != 0)
                list.Add(total);
        }
        return list;
    }

    /// <summary>Entries, filtered, in the order they were committed.</summary>
    public IEnumerable<LedgerEntry> Entries(LedgerQuery query)
    {
        var sql = new StringBuilder("""
            SELECT entry_id, order_id, line, account, account_key, period, volume, consignee, consignee_key, destination, ship_date,
                decision, exception, run_id, committed_at, status, ended_at, ended_by, end_reason
            FROM ledger_entries WHERE 1 = 1
            """);
        var parameters = new List<(string, object?)>();
        if (!query.IncludeHistory)
            sql.Append(" AND status = 'active'");
        if (query.ConsigneeKey is { } consignee)
        {
            sql.Append(" AND consignee_key = @consignee");
            parameters.Add(("consignee", consignee));
        }
        if (query.CountryCode is { } country)
        {
            sql.Append(" AND destination = @country");
            parameters.Add(("country", country));
        }
        if (query.Year is { } year)
        {
            sql.Append(" AND ship_date >= @year_start AND ship_date <= @year_end");
            parameters.Add(("year_start", Date(new DateOnly(year, 1, 1))));
            parameters.Add(("year_end", Date(new DateOnly(year, 12, 31))));
        }
        sql.Append(" ORDER BY entry_id");
        using var command = Command(sql.ToString(), [.. parameters]);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return ReadEntry(reader);
    }

    /// <summary>The active entries of an order (or one of its lines).</summary>
    public long ActiveEntries(string orderId, string? line) => Convert.ToInt64(line is null
        ? Scalar("SELECT COUNT(*) FROM ledger_entries WHERE status = 'active' AND order_id = @order", ("order", orderId))
        : Scalar("SELECT COUNT(*) FROM ledger_entries WHERE status = 'active' AND order_id = @order AND line = @line", ("order", orderId), ("line", line)),
        System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Voids the active entries of the one target that has any (an order, or one of its lines): they stop
    /// counting and stay as history. Which targets have active entries is read in the void's own transaction, with
    /// commits and other voids held off (<see cref="HoldOffWriters"/>), so what it found is what it acted on: an id that
    /// named one target when the void looked cannot name two by the time it writes.</summary>
    /// <returns>The targets with active entries (their index and count), and the entries voided: none unless exactly one
    /// target has any.</returns>
    public (List<(int Target, long Entries)> Found, int Voided) Void(IReadOnlyList<(string OrderId, string? Line)> targets, string reason, DateTimeOffset now)
    {
        using var scope = Write();
        HoldOffWriters();
        var found = new List<(int Target, long Entries)>();
        for (var i = 0; i < targets.Count; i++)
        {
            if (ActiveEntries(targets[i].OrderId, targets[i].Line) is var entries && entries > 0)
                found.Add((i, entries));
        }
        if (found.Count != 1)
            return (found, 0); // rolled back: nothing changed
        CommitHooks.InsideVoid();
        var (orderId, line) = targets[found[0].Target];
        var match = line is null ? "order_id = @order" : "order_id = @order AND line = @line";
        (string, object?)[] key = line is null ? [("order", orderId)] : [("order", orderId), ("line", line)];
        // Lock the accounts the entries count against, as every writer of them does, and read the entries again under
        // the locks (with writers held off, they are the entries found).
        HashSet<LedgerAccountKey> locked = [];
        while (true)
        {
            using var find = Command($"""
                SELECT a.account, a.account_key, a.period, a.period_from, a.period_to FROM ledger_accounts a
                WHERE (a.account, a.account_key, a.period) IN (SELECT account, account_key, period FROM ledger_entries WHERE status = 'active' AND {match})
                """, key);
            var accounts = ReadAccountRows(find);
            if (accounts.Count == 0)
                throw new LedgerException(LedgerErrorCodes.NothingToVoid, $"ledger {Location} has no active entry for {orderId}{(line is null ? "" : ":" + line)}");
            if (accounts.All(a => locked.Contains(a.Key)))
                break;
            foreach (var a in accounts)
            {
                using var lockRow = Command($"SELECT a.total FROM ledger_accounts a WHERE a.account = @a AND a.account_key = @k AND a.period = @p{LockRows}",
                    ("a", a.Key.Account.Name()), ("k", a.Key.Key), ("p", a.Key.Period));
                lockRow.ExecuteScalar();
                locked.Add(a.Key);
            }
        }
        var voided = Execute($"UPDATE ledger_entries SET status = 'voided', ended_at = @now, ended_by = 'void', end_reason = @reason WHERE status = 'active' AND {match}",
            [("now", Time(now)), ("reason", reason), .. key]);
        foreach (var a in locked)
            RecomputeTotals("account = @a AND account_key = @k AND period = @p", ("a", a.Account.Name()), ("k", a.Key), ("p", a.Period));
        scope.Commit();
        return (found, voided);
    }

    /// <summary>Keeps commits and other voids from changing entries until the open write transaction ends; the default
    /// does nothing, for a store whose write transaction already excludes every other writer.</summary>
    protected virtual void HoldOffWriters()
    {
    }

    private LedgerEntry ReadEntry(DbDataReader r) => new(
        Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture),
        r.GetString(1),
        r.GetString(2),
        ReadAccount(r, 3),
        r.GetString(4),
        r.GetString(5),
        ReadVolume(r, 6),
        r.GetString(7),
        r.GetString(8),
        r.GetString(9),
        ReadDate(r, 10),
        r.GetString(11),
        r.GetString(12),
        r.GetString(13),
        ReadTime(r, 14),
        ReadStatus(r, 15),
        r.IsDBNull(16) ? null : ReadTime(r, 16),
        r.IsDBNull(17) ? null : r.GetString(17),
        r.IsDBNull(18) ? null : r.GetString(18));
}
