using System.Data.Common;
using ChipScreen.Volumes;

namespace ChipScreen.Ledger;

/// <summary>The staging tables of a batch and the statements of a commit.</summary>
/// <remarks>
/// A batch stages its lines' identities (<c>stage_lines</c>) and its consuming lines (<c>stage_postings</c>) in
/// temporary tables of this connection, so memory does not grow with the batch and a commit is a few set-based
/// statements. <c>stage_accounts</c> holds the accounts a commit locks.
/// </remarks>
internal abstract partial class LedgerStore
{
    private static readonly string[] s_lineColumns = ["order_id", "line", "row_number"];

    private static readonly string[] s_postingColumns =
        ["row_number", "order_id", "line", "account", "account_key", "period", "period_from", "period_to", "volume", "consignee", "consignee_key", "destination", "ship_date", "decision", "exception"];

    private static readonly string[] s_accountColumns = ["account", "account_key", "period", "period_from", "period_to"];

    private static readonly string[] s_readColumns = ["account", "account_key", "period"];

    private const string SamePosting =
        "p.order_id = ledger_entries.order_id AND p.line = ledger_entries.line AND p.account = ledger_entries.account " +
        "AND p.account_key = ledger_entries.account_key AND p.period = ledger_entries.period AND p.volume = ledger_entries.volume " +
        "AND p.consignee = ledger_entries.consignee AND p.destination = ledger_entries.destination AND p.ship_date = ledger_entries.ship_date " +
        "AND p.decision = ledger_entries.decision AND p.exception = ledger_entries.exception";

    private const string InBatch = "(order_id, line) IN (SELECT order_id, line FROM stage_lines)";

    private DbCommand? _total;

    /// <summary>The schema-qualified prefix of temporary tables (<c>temp.</c>, <c>pg_temp.</c>).</summary>
    protected abstract string TempSchema { get; }

    public void CreateStaging()
    {
        foreach (var table in new[] { "stage_lines", "stage_postings", "stage_accounts" })
            Execute($"DROP TABLE IF EXISTS {TempSchema}{table}");
        Execute(Types("CREATE TEMP TABLE stage_lines (order_id TEXT NOT NULL, line TEXT NOT NULL, row_number BIGINT NOT NULL)"));
        Execute(Types("""
            CREATE TEMP TABLE stage_postings (row_number BIGINT NOT NULL, order_id TEXT NOT NULL, line TEXT NOT NULL, account TEXT NOT NULL,
                account_key TEXT NOT NULL, period TEXT NOT NULL, period_from {DATE} NOT NULL, period_to {DATE} NOT NULL, volume {NUM} NOT NULL,
                consignee TEXT NOT NULL, consignee_key TEXT NOT NULL, destination TEXT NOT NULL, ship_date {DATE} NOT NULL,
                decision TEXT NOT NULL, exception TEXT NOT NULL)
            """));
        Execute(Types("CREATE TEMP TABLE stage_accounts (account TEXT NOT NULL, account_key TEXT NOT NULL, period TEXT NOT NULL, period_from {DATE} NOT NULL, period_to {DATE} NOT NULL)"));
    }

    public RowWriter StageLines() => BulkInsert("stage_lines", s_lineColumns);

    public void FinishLines()
    {
        Execute("CREATE INDEX IF NOT EXISTS stage_lines_key ON stage_lines (order_id, line)");
        Analyze("stage_lines");
    }

    public RowWriter StagePostings() => BulkInsert("stage_postings", s_postingColumns);

    public void WritePosting(RowWriter writer, long row, LedgerPosting p) =>
        writer.Write(row, p.OrderId, p.Line, p.Account.Name(), p.Key, p.Period, Date(p.PeriodFrom), Date(p.PeriodTo), Volume(p.Volume),
            p.Consignee, p.ConsigneeKey, p.Destination, Date(p.ShipDate), p.Decision, p.Exception);

    public void FinishPostings()
    {
        Execute("CREATE INDEX IF NOT EXISTS stage_postings_key ON stage_postings (order_id, line, account)");
        Analyze("stage_postings");
    }

    public void ClearPostings() => Execute("DELETE FROM stage_postings");

    public long StagedPostings() => Convert.ToInt64(Scalar("SELECT COUNT(*) FROM stage_postings"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Order lines the batch holds more than once (first few, by row).</summary>
    public IReadOnlyList<(string OrderId, string Line, long FirstRow, long LastRow, long Count)> DuplicateLines(int limit)
    {
        using var command = Command($"SELECT order_id, line, MIN(row_number), MAX(row_number), COUNT(*) FROM stage_lines GROUP BY order_id, line HAVING COUNT(*) > 1 ORDER BY MIN(row_number) LIMIT {limit}");
        using var reader = command.ExecuteReader();
        var list = new List<(string, string, long, long, long)>();
        while (reader.Read())
            list.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
        return list;
    }

    /// <summary>What the batch's own lines already hold, per account (their active entries from earlier commits).</summary>
    /// <remarks>Only a line on one row of the batch is its own: a line on several (held on every row, and a batch that
    /// cannot be committed) replaces nothing, so its committed entry still counts against the batch's other lines.</remarks>
    public Dictionary<LedgerAccountKey, decimal> OwnVolumes()
    {
        const string OnceInBatch = "(order_id, line) IN (SELECT order_id, line FROM stage_lines GROUP BY order_id, line HAVING COUNT(*) = 1)";
        using var command = Command($"SELECT account, account_key, period, {SumOf("volume")} FROM ledger_entries WHERE status = 'active' AND {OnceInBatch} GROUP BY account, account_key, period");
        using var reader = command.ExecuteReader();
        var own = new Dictionary<LedgerAccountKey, decimal>();
        while (reader.Read())
            own[new LedgerAccountKey(ReadAccount(reader, 0), reader.GetString(1), reader.GetString(2))] = ReadVolume(reader, 3);
        return own;
    }

    /// <summary>An account's total (0 when the ledger has no such account).</summary>
    public decimal Total(LedgerAccountKey key)
    {
        if (_total is null || _total.Transaction != Transaction)
        {
            _total?.Dispose();
            _total = Command("SELECT total FROM ledger_accounts WHERE account = @a AND account_key = @k AND period = @p", ("a", ""), ("k", ""), ("p", ""));
        }
        _total.Parameters[0].Value = key.Account.Name();
        _total.Parameters[1].Value = key.Key;
        _total.Parameters[2].Value = key.Period;
        using var reader = _total.ExecuteReader();
        return reader.Read() ? ReadVolume(reader, 0) : 0m;
    }

    /// <summary>The totals of many accounts in one query (absent accounts are left out).</summary>
    public Dictionary<LedgerAccountKey, decimal> Totals(IReadOnlyCollection<LedgerAccountKey> keys)
    {
        Execute($"DROP TABLE IF EXISTS {TempSchema}stage_reads");
        Execute("CREATE TEMP TABLE stage_reads (account TEXT NOT NULL, account_key TEXT NOT NULL, period TEXT NOT NULL)");
        using (var writer = BulkInsert("stage_reads", s_readColumns))
        {
            foreach (var key in keys)
                writer.Write(key.Account.Name(), key.Key, key.Period);
            writer.Complete();
        }
        Analyze("stage_reads");
        using var command = Command("""
            SELECT a.account, a.account_key, a.period, a.total FROM ledger_accounts a
            WHERE (a.account, a.account_key, a.period) IN (SELECT account, account_key, period FROM stage_reads)
            """);
        using var reader = command.ExecuteReader();
        var totals = new Dictionary<LedgerAccountKey, decimal>(keys.Count);
        while (reader.Read())
            totals[new LedgerAccountKey(ReadAccount(reader, 0), reader.GetString(1), reader.GetString(2))] = ReadVolume(reader, 3);
        return totals;
    }

    /// <summary>The accounts a commit writes besides those its screening read: those of the staged postings and of the
    /// batch's own active entries (which a commit may replace).</summary>
    public List<LedgerAccountRow> WrittenAccounts()
    {
        using var command = Command($"""
            SELECT DISTINCT account, account_key, period, period_from, period_to FROM stage_postings
            UNION
            SELECT a.account, a.account_key, a.period, a.period_from, a.period_to FROM ledger_accounts a
            WHERE (a.account, a.account_key, a.period) IN (SELECT account, account_key, period FROM ledger_entries WHERE status = 'active' AND {InBatch})
            """);
        return ReadAccountRows(command);
    }

    /// <summary>Locks the batch's order lines, so no other commit changes their entries until this one ends; the
    /// default does nothing, for a store whose write transaction already excludes every other writer.</summary>
    public virtual void LockLines()
    {
    }

    /// <summary>Creates the accounts that do not exist yet and locks them all (in key order, so concurrent commits do not
    /// deadlock); returns their totals as they are under the lock.</summary>
    public Dictionary<LedgerAccountKey, decimal> LockAccounts(IEnumerable<LedgerAccountRow> accounts)
    {
        Execute("DELETE FROM stage_accounts");
        using (var writer = BulkInsert("stage_accounts", s_accountColumns))
        {
            foreach (var a in accounts.OrderBy(a => a.Key.Account).ThenBy(a => a.Key.Key, StringComparer.Ordinal).ThenBy(a => a.Key.Period, StringComparer.Ordinal))
                writer.Write(a.Key.Account.Name(), a.Key.Key, a.Key.Period, Date(a.From), Date(a.To));
            writer.Complete();
        }
        Analyze("stage_accounts");
        using (var insert = Command(InsertIfAbsent("ledger_accounts", "account, account_key, period, period_from, period_to, total",
            "SELECT account, account_key, period, period_from, period_to, @zero FROM stage_accounts ORDER BY account, account_key, period",
            "account, account_key, period"), ("zero", Volume(0m))))
            insert.ExecuteNonQuery();
        return StagedAccountTotals(LockRows);
    }

    /// <summary>Applies the staged batch: ends the batch's active entries that it does not post again identically, adds
    /// the postings that are new, and recomputes the totals of the locked accounts.</summary>
    public (long Added, long Replaced, long Unchanged, Dictionary<LedgerAccountKey, decimal> Totals) Apply(string runId, DateTimeOffset now)
    {
        var replaced = Execute($"""
            UPDATE ledger_entries SET status = 'replaced', ended_at = @now, ended_by = @run, end_reason = @reason
            WHERE status = 'active' AND {InBatch}
              AND NOT EXISTS (SELECT 1 FROM stage_postings p WHERE {SamePosting})
            """, ("now", Time(now)), ("run", runId), ("reason", $"replaced by run {runId}"));
        var added = Execute("""
            INSERT INTO ledger_entries (order_id, line, account, account_key, period, volume, consignee, consignee_key, destination, ship_date,
                decision, exception, run_id, committed_at, status)
            SELECT p.order_id, p.line, p.account, p.account_key, p.period, p.volume, p.consignee, p.consignee_key, p.destination, p.ship_date,
                p.decision, p.exception, @run, @now, 'active'
            FROM stage_postings p
            WHERE NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.status = 'active' AND e.order_id = p.order_id AND e.line = p.line AND e.account = p.account)
            ORDER BY p.row_number, p.account
            """, ("run", runId), ("now", Time(now)));
        var unchanged = StagedPostings() - added;
        RecomputeTotals("(account, account_key, period) IN (SELECT account, account_key, period FROM stage_accounts)");
        return (added, replaced, unchanged, StagedAccountTotals(""));
    }

    public void RecordRun(string runId, DateTimeOffset now, string toolVersion, string packId, string packRevision, DateOnly asOf, string inputSha256,
        long lines, long added, long replaced, long unchanged, bool redecided) =>
        Execute("""
            INSERT INTO ledger_runs (run_id, committed_at, tool_version, pack_id, pack_revision, as_of, input_sha256, lines, added, replaced, unchanged, redecided)
            VALUES (@run, @now, @tool, @pack, @revision, @asof, @input, @lines, @added, @replaced, @unchanged, @redecided)
            """, ("run", runId), ("now", Time(now)), ("tool", toolVersion), ("pack", packId), ("revision", packRevision), ("asof", Date(asOf)),
            ("input", inputSha256), ("lines", lines), ("added", added), ("replaced", replaced), ("unchanged", unchanged), ("redecided", redecided ? 1 : 0));

    public void DropStaging()
    {
        _total?.Dispose();
        _total = null;
        foreach (var table in new[] { "stage_lines", "stage_postings", "stage_accounts", "stage_reads" })
            Execute($"DROP TABLE IF EXISTS {TempSchema}{table}");
    }

    private Dictionary<LedgerAccountKey, decimal> StagedAccountTotals(string lockClause)
    {
        using var command = Command($"""
            SELECT a.account, a.account_key, a.period, a.total FROM ledger_accounts a
            WHERE (a.account, a.account_key, a.period) IN (SELECT account, account_key, period FROM stage_accounts)
            ORDER BY a.account, a.account_key, a.period{lockClause}
            """);
        using var reader = command.ExecuteReader();
        var totals = new Dictionary<LedgerAccountKey, decimal>();
        while (reader.Read())
            totals[new LedgerAccountKey(ReadAccount(reader, 0), reader.GetString(1), reader.GetString(2))] = ReadVolume(reader, 3);
        return totals;
    }

    private List<LedgerAccountRow> ReadAccountRows(DbCommand command)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<LedgerAccountRow>();
        while (reader.Read())
            rows.Add(new LedgerAccountRow(new LedgerAccountKey(ReadAccount(reader, 0), reader.GetString(1), reader.GetString(2)), ReadDate(reader, 3), ReadDate(reader, 4)));
        return rows;
    }

    /// <summary>Sets the total of the accounts <paramref name="where"/> selects to the sum of their active entries.</summary>
    private void RecomputeTotals(string where, params (string Name, object? Value)[] parameters) =>
        Execute($"""
            UPDATE ledger_accounts SET total = (SELECT {SumOf("e.volume")} FROM ledger_entries e WHERE e.status = 'active'
                AND e.account = ledger_accounts.account AND e.account_key = ledger_accounts.account_key AND e.period = ledger_accounts.period)
            WHERE {where}
            """, parameters);

    /// <summary>An exact sum of a volume column, 0 over no rows.</summary>
    protected abstract string SumOf(string column);

    internal static VolumeAccount ParseAccount(string text) =>
        VolumeAccountNames.TryParse(text, out var account) ? account : throw new FormatException($"'{text}' is not a ledger account");
}
