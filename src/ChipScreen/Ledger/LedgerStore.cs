using System.Data;
using System.Data.Common;

namespace ChipScreen.Ledger;

/// <summary>One connection to a ledger store: the SQL both stores share, with the few places they differ left to
/// <see cref="SqliteLedgerStore"/> and <see cref="PostgresLedgerStore"/>.</summary>
/// <remarks>
/// Not thread-safe: one store object per run, used from one thread. Tables: <c>ledger_entries</c> (every committed
/// volume, active or history), <c>ledger_accounts</c> (each account's total, kept equal to the sum of its active
/// entries, and the row a commit locks), <c>ledger_runs</c> (each committing run), <c>ledger_schema</c> (migrations).
/// </remarks>
internal abstract partial class LedgerStore : IDisposable
{
    protected LedgerStore(DbConnection connection, LedgerLocation location, LedgerOptions options)
    {
        Connection = connection;
        Location = location;
        Options = options;
    }

    public DbConnection Connection { get; }

    public LedgerLocation Location { get; }

    public LedgerOptions Options { get; }

    public abstract LedgerStoreKind Kind { get; }

    /// <summary>The schema version found (after migrating, when allowed).</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>The transaction statements run in, if one is open.</summary>
    protected DbTransaction? Transaction { get; private set; }

    /// <summary>Opens the store for <paramref name="location"/>.</summary>
    /// <param name="location">Where.</param>
    /// <param name="options">Timeouts and attempts.</param>
    /// <param name="write">Whether the caller will write: only then is a missing ledger created or an older schema migrated.</param>
    /// <param name="upTo">The schema version to migrate to (tests build older ledgers with it); null for the latest.</param>
    /// <param name="create">Whether a missing ledger is created (with <paramref name="write"/>); null for <paramref name="write"/>.</param>
    public static LedgerStore Open(LedgerLocation location, LedgerOptions options, bool write, int? upTo = null, bool? create = null)
    {
        var creates = write && (create ?? true);
        LedgerStore store = location.Kind switch
        {
            LedgerStoreKind.Sqlite => SqliteLedgerStore.Connect(location, options, write, creates),
            _ => PostgresLedgerStore.Connect(location, options),
        };
        try
        {
            store.Guard(() => store.PrepareSchema(write, creates, upTo ?? LedgerMigrations.Latest));
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    // ---- the differences between the stores ----

    /// <summary>The clause that locks the rows a select returns, or empty where the transaction already excludes other writers.</summary>
    protected abstract string LockRows { get; }

    /// <summary>Rewrites a migration statement's type placeholders for this store.</summary>
    protected abstract string Types(string statement);

    /// <summary>An INSERT ... SELECT that skips rows whose key exists.</summary>
    protected abstract string InsertIfAbsent(string table, string columns, string select, string conflictColumns);

    protected abstract bool TableExists(string name);

    /// <summary>Starts a transaction that writes: other writers wait (SQLite: BEGIN IMMEDIATE; PostgreSQL: row locks taken by the caller).</summary>
    protected abstract DbTransaction BeginWriteTransaction();

    /// <summary>Starts a transaction whose reads all see one snapshot.</summary>
    protected abstract DbTransaction BeginSnapshotTransaction();

    /// <summary>Serializes concurrent migrations within <see cref="BeginWriteTransaction"/>.</summary>
    protected abstract void LockSchema();

    /// <summary>Whether a failure is one that a new attempt can get past (deadlock, serialization failure, busy).</summary>
    public abstract bool IsTransient(Exception e);

    /// <summary>Whether a failure is the store's (connection, I/O, SQL) rather than a bug.</summary>
    protected abstract bool IsStoreFailure(Exception e);

    public abstract object Volume(decimal value);

    protected abstract decimal VolumeOf(DbDataReader reader, int ordinal);

    public abstract object Date(DateOnly value);

    protected abstract DateOnly DateOf(DbDataReader reader, int ordinal);

    public abstract object Time(DateTimeOffset value);

    protected abstract DateTimeOffset TimeOf(DbDataReader reader, int ordinal);

    /// <summary>A column's volume; a value that is none throws <see cref="LedgerValueException"/>.</summary>
    public decimal ReadVolume(DbDataReader reader, int ordinal) => Checked(reader, ordinal, "a volume (a decimal number)", VolumeOf);

    /// <summary>A column's date; a value that is none throws <see cref="LedgerValueException"/>.</summary>
    public DateOnly ReadDate(DbDataReader reader, int ordinal) => Checked(reader, ordinal, "a date (YYYY-MM-DD)", DateOf);

    /// <summary>A column's time; a value that is none throws <see cref="LedgerValueException"/>.</summary>
    public DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => Checked(reader, ordinal, "a UTC time (YYYY-MM-DDTHH:MM:SS.FFFZ)", TimeOf);

    /// <summary>A column's account name; a value that is none throws <see cref="LedgerValueException"/>.</summary>
    public static Volumes.VolumeAccount ReadAccount(DbDataReader reader, int ordinal) =>
        Checked(reader, ordinal, "an account (consignee_year or country_allocation)", (r, i) => ParseAccount(r.GetString(i)));

    /// <summary>A column's entry status; a value that is none throws <see cref="LedgerValueException"/>.</summary>
    public static LedgerEntryStatus ReadStatus(DbDataReader reader, int ordinal) =>
        Checked(reader, ordinal, "a status (active, replaced or voided)", (r, i) => LedgerEntryStatusNames.Parse(r.GetString(i)));

    /// <summary>Reads a value, turning a stored text or number that is not what the column holds (written outside
    /// ChipScreen) into a <see cref="LedgerValueException"/> naming the column and the value.</summary>
    private static T Checked<T>(DbDataReader reader, int ordinal, string expected, Func<DbDataReader, int, T> read)
    {
        try
        {
            return read(reader, ordinal);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentOutOfRangeException)
        {
            throw new LedgerValueException(reader.GetName(ordinal), RawText(reader, ordinal), expected, e);
        }
    }

    private static string RawText(DbDataReader reader, int ordinal)
    {
        try
        {
            return reader.IsDBNull(ordinal) ? "NULL" : Convert.ToString(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return "(a value that cannot be read)";
        }
    }

    /// <summary>Starts a bulk load of rows into a (temporary) table.</summary>
    protected abstract RowWriter BulkInsert(string table, IReadOnlyList<string> columns);

    /// <summary>Refreshes the planner's statistics of a staging table after a bulk load.</summary>
    protected abstract void Analyze(string table);

    /// <summary>How long a statement may run; SQLite also waits this long for a busy file before failing it.</summary>
    protected virtual TimeSpan StatementTimeout => Options.LockTimeout;

    // ---- shared plumbing ----

    /// <summary>Begins a write transaction; dispose it to roll back what was not committed.</summary>
    public Scope Write() => new(this, BeginWriteTransaction());

    /// <summary>Begins a snapshot transaction (reads see one point in time).</summary>
    public Scope Snapshot() => new(this, BeginSnapshotTransaction());

    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        command.CommandTimeout = (int)StatementTimeout.TotalSeconds;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>Runs <paramref name="action"/>, turning the store's own failures, and values in it that are not what their
    /// column holds, into <see cref="LedgerException"/>.</summary>
    public T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is not LedgerException && (e is LedgerValueException || IsStoreFailure(e)))
        {
            if (AsValueFailure(e) is { } value)
                throw new LedgerException(LedgerErrorCodes.DataInvalid, $"ledger {Location}: {InvalidValue() ?? value.Message}; it was changed outside ChipScreen: correct that value, or restore the ledger from a backup", e);
            throw new LedgerException(IsTransient(e) ? LedgerErrorCodes.CommitConflict : LedgerErrorCodes.Unavailable, $"ledger {Location}: {e.Message}", e);
        }
    }

    /// <summary>The bad stored value behind <paramref name="e"/>, if a value is what failed.</summary>
    protected virtual LedgerValueException? AsValueFailure(Exception e) => e as LedgerValueException;

    /// <summary>Names the first stored value that is not what its column holds, by table, column and row (the accounts,
    /// then the entries); null when none is found or the ledger cannot be read to look.</summary>
    /// <remarks>Run only after a read failed on a value: it reads every account and entry.</remarks>
    private string? InvalidValue()
    {
        try
        {
            using (var accounts = Command("""
                SELECT account, account_key, period, account, period_from, period_to, total,
                    CAST(account AS TEXT), CAST(period_from AS TEXT), CAST(period_to AS TEXT), CAST(total AS TEXT)
                FROM ledger_accounts ORDER BY account, account_key, period
                """))
            using (var reader = accounts.ExecuteReader())
            {
                while (reader.Read())
                {
                    if (FirstInvalid(reader, (r, i) => ReadAccount(r, i), (r, i) => ReadDate(r, i), (r, i) => ReadDate(r, i), (r, i) => ReadVolume(r, i)) is { } bad)
                        return $"ledger_accounts.{bad.Column} of the account ({reader.GetString(0)}, '{reader.GetString(1)}', {reader.GetString(2)}) is '{bad.Text}', not {bad.Expected}";
                }
            }
            using var entries = Command("""
                SELECT entry_id, order_id, line, account, volume, ship_date, committed_at, status, ended_at,
                    CAST(account AS TEXT), CAST(volume AS TEXT), CAST(ship_date AS TEXT), CAST(committed_at AS TEXT), CAST(status AS TEXT), CAST(ended_at AS TEXT)
                FROM ledger_entries ORDER BY entry_id
                """);
            using var rows = entries.ExecuteReader();
            while (rows.Read())
            {
                if (FirstInvalid(rows, (r, i) => ReadAccount(r, i), (r, i) => ReadVolume(r, i), (r, i) => ReadDate(r, i), (r, i) => ReadTime(r, i),
                        (r, i) => ReadStatus(r, i), (r, i) => r.IsDBNull(i) ? null : ReadTime(r, i)) is { } bad)
                {
                    return $"ledger_entries.{bad.Column} of entry {Convert.ToInt64(rows.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)} " +
                        $"(order {rows.GetString(1)} line {rows.GetString(2)}) is '{bad.Text}', not {bad.Expected}";
                }
            }
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>The first of the columns that <paramref name="checks"/> read (one each, the row's last columns but for as
    /// many CASTs of them to text after them) that holds a value that is none, with its text.</summary>
    private static (string Column, string Text, string Expected)? FirstInvalid(DbDataReader reader, params Func<DbDataReader, int, object?>[] checks)
    {
        var first = reader.FieldCount - 2 * checks.Length;
        for (var c = 0; c < checks.Length; c++)
        {
            try
            {
                checks[c](reader, first + c);
            }
            catch (LedgerValueException e)
            {
                var text = reader.IsDBNull(first + checks.Length + c) ? "NULL" : reader.GetString(first + checks.Length + c);
                return (e.Column, text, e.Expected);
            }
        }
        return null;
    }

    public void Guard(Action action) => Guard(() =>
    {
        action();
        return true;
    });

    private void PrepareSchema(bool write, bool create, int target)
    {
        SchemaVersion = TableExists("ledger_schema")
            ? Convert.ToInt32(Scalar("SELECT COALESCE(MAX(version), 0) FROM ledger_schema"), System.Globalization.CultureInfo.InvariantCulture)
            : 0;
        if (SchemaVersion > LedgerMigrations.Latest)
            throw new LedgerException(LedgerErrorCodes.SchemaMismatch, $"ledger {Location} has schema version {SchemaVersion}, newer than this ChipScreen knows ({LedgerMigrations.Latest}); use a newer ChipScreen");
        if (SchemaVersion >= target)
            return;
        if (!write || (SchemaVersion == 0 && !create))
        {
            throw SchemaVersion == 0
                ? new LedgerException(LedgerErrorCodes.Missing, $"no ChipScreen ledger at {Location} yet: the first 'screen --commit' (or 'ledger migrate') creates it")
                : new LedgerException(LedgerErrorCodes.SchemaMismatch, $"ledger {Location} has schema version {SchemaVersion}; 'chipscreen ledger migrate' brings it to {LedgerMigrations.Latest}");
        }
        using var scope = Write();
        LockSchema();
        Execute("CREATE TABLE IF NOT EXISTS ledger_schema (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
        var version = Convert.ToInt32(Scalar("SELECT COALESCE(MAX(version), 0) FROM ledger_schema"), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var migration in LedgerMigrations.All.Where(m => m.Version > version && m.Version <= target))
        {
            foreach (var statement in migration.Statements)
                Execute(Types(statement));
            migration.Rewrite?.Invoke(this);
            Execute("INSERT INTO ledger_schema (version, description, applied_at) VALUES (@v, @d, @t)",
                ("v", migration.Version), ("d", migration.Description), ("t", LedgerNumbers.Time(DateTimeOffset.UtcNow)));
        }
        scope.Commit();
        SchemaVersion = Math.Max(version, target);
    }

    /// <summary>Re-keys the consignee of every entry (active or history) by <paramref name="key"/> applied to the key stored,
    /// and merges the yearly accounts of keys that become one; their totals are then the sum of their active entries
    /// again. For a migration, in its transaction.</summary>
    internal void RekeyConsignees(Func<string, string> key)
    {
        var changes = new List<(string Old, string New)>();
        using (var command = Command("SELECT consignee_key FROM ledger_entries UNION SELECT account_key FROM ledger_accounts WHERE account = 'consignee_year'"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var old = reader.GetString(0);
                if (key(old) is var folded && folded != old)
                    changes.Add((old, folded));
            }
        }
        foreach (var (old, folded) in changes.OrderBy(c => c.Old, StringComparer.Ordinal))
        {
            var keys = new[] { ("old", (object?)old), ("new", folded) };
            Execute("UPDATE ledger_entries SET consignee_key = @new WHERE consignee_key = @old", keys);
            Execute("UPDATE ledger_entries SET account_key = @new WHERE account = 'consignee_year' AND account_key = @old", keys);
            Execute(InsertIfAbsent("ledger_accounts", "account, account_key, period, period_from, period_to, total",
                "SELECT account, @new, period, period_from, period_to, total FROM ledger_accounts WHERE account = 'consignee_year' AND account_key = @old ORDER BY period",
                "account, account_key, period"), keys);
            Execute("DELETE FROM ledger_accounts WHERE account = 'consignee_year' AND account_key = @old", keys);
        }
        if (changes.Count > 0)
            RecomputeTotals("account = 'consignee_year'");
    }

    /// <summary>Re-keys the consignee of every entry (active or history) by <paramref name="key"/> applied to the
    /// consignee's name as the entry keeps it, and moves each yearly account to the keys of its entries' names (to
    /// <paramref name="key"/> of its own key when it has no entry), merging the accounts of keys that become one; their
    /// totals are then the sum of their active entries again. For a migration, in its transaction.</summary>
    /// <remarks>From the name rather than the stored key, because a key run together can have lost what the name still
    /// shows: "Acme LІmited" (a Cyrillic І) was stored "ACMELІMITED", which folds to "ACMELIMITED" while the name keys
    /// "ACMELTD" (see <see cref="Parties.PartyNames"/>). Every entry thus lands where a line of its name counts from now.
    /// Entries of one stored key whose names now key apart ("Acme LІmited" and "AcmeLІmited") go apart with them, as
    /// "Acme Limited" and "AcmeLimited" always have.</remarks>
    internal void RekeyConsigneesByName(Func<string, string> key)
    {
        var changes = new List<(string Old, string Name, string New)>();
        var targets = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        using (var command = Command("SELECT DISTINCT consignee_key, consignee FROM ledger_entries"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var (old, name) = (reader.GetString(0), reader.GetString(1));
                var folded = key(name);
                if (!targets.TryGetValue(old, out var keys))
                    targets[old] = keys = new SortedSet<string>(StringComparer.Ordinal);
                keys.Add(folded);
                if (folded != old)
                    changes.Add((old, name, folded));
            }
        }
        var accounts = new List<string>();
        using (var command = Command("SELECT DISTINCT account_key FROM ledger_accounts WHERE account = 'consignee_year'"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                accounts.Add(reader.GetString(0));
        }
        foreach (var (old, name, folded) in changes.OrderBy(c => c.Old, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal))
        {
            Execute("""
                UPDATE ledger_entries SET consignee_key = @new, account_key = CASE WHEN account = 'consignee_year' THEN @new ELSE account_key END
                WHERE consignee_key = @old AND consignee = @name
                """, ("old", old), ("name", name), ("new", folded));
        }
        // An account goes where its entries went; one kept by no key (all its entries went elsewhere) is deleted after its
        // rows were copied to those keys, so that no account is deleted that another moved into.
        var moves = accounts.ToDictionary(a => a, a => targets.TryGetValue(a, out var keys) ? keys : new SortedSet<string>(StringComparer.Ordinal) { key(a) }, StringComparer.Ordinal);
        var kept = moves.Values.SelectMany(k => k).ToHashSet(StringComparer.Ordinal);
        var moved = false;
        foreach (var (old, keys) in moves.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            foreach (var folded in keys.Where(k => k != old))
            {
                Execute(InsertIfAbsent("ledger_accounts", "account, account_key, period, period_from, period_to, total",
                    "SELECT account, @new, period, period_from, period_to, total FROM ledger_accounts WHERE account = 'consignee_year' AND account_key = @old ORDER BY period",
                    "account, account_key, period"), ("old", old), ("new", folded));
                moved = true;
            }
        }
        foreach (var old in moves.Keys.Where(k => !kept.Contains(k)).Order(StringComparer.Ordinal))
        {
            Execute("DELETE FROM ledger_accounts WHERE account = 'consignee_year' AND account_key = @old", ("old", old));
            moved = true;
        }
        if (moved || changes.Count > 0)
            RecomputeTotals("account = 'consignee_year'");
    }

    /// <summary>Records every stored line id by its number (<see cref="LineIds.Of(string)"/>: "01" becomes "1"), in the entries and
    /// the lines' lock rows. An order line committed under several ids that are now one is settled as committing it again
    /// settles a line: the id committed last is the line, and the active entries of the others end as replaced by the run
    /// that committed it, kept as history. For a migration, in its transaction.</summary>
    /// <remarks>
    /// Which id was committed last is read from the entries: each entry's commit, and each replacement of one (a later
    /// commit of its line). A commit that left the line's entries unchanged leaves no trace, so it is not seen. When the
    /// id committed last has no active entry (it was voided, or no longer consumed), the other ids' active entries end
    /// too, as that commit would have ended them. One run that committed two ids of the line that both still count named
    /// the line twice, which a commit now refuses: which of them should stop counting is not the migration's to guess,
    /// so it stops (<see cref="LedgerErrorCodes.LineConflict"/>, naming them) and changes nothing.
    /// </remarks>
    internal void RelineEntries(DateTimeOffset now)
    {
        var relines = new List<(string OrderId, string Line, string Id)>();
        using (var command = Command("SELECT DISTINCT order_id, line FROM ledger_entries WHERE line LIKE '0%' UNION SELECT order_id, line FROM ledger_lines WHERE line LIKE '0%'"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var (order, line) = (reader.GetString(0), reader.GetString(1));
                if (LineIds.Of(line) is var id && id != line)
                    relines.Add((order, line, id));
            }
        }
        if (relines.Count == 0)
            return;
        Execute($"DROP TABLE IF EXISTS {TempSchema}stage_relines");
        Execute("CREATE TEMP TABLE stage_relines (order_id TEXT NOT NULL, line TEXT NOT NULL, line_id TEXT NOT NULL)");
        using (var writer = BulkInsert("stage_relines", ["order_id", "line", "line_id"]))
        {
            foreach (var (order, line, id) in relines)
                writer.Write(order, line, id);
            writer.Complete();
        }
        Analyze("stage_relines");

        // The entries of every line that has ids to join, by order line (its number) and id as stored.
        var lines = new Dictionary<(string OrderId, string Id), Dictionary<string, List<StoredEntry>>>();
        using (var command = Command("""
            SELECT entry_id, order_id, line, status, run_id, committed_at, ended_at, ended_by FROM ledger_entries
            WHERE (order_id, line) IN (SELECT order_id, line FROM stage_relines) OR (order_id, line) IN (SELECT order_id, line_id FROM stage_relines)
            ORDER BY entry_id
            """))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var entry = new StoredEntry(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), ReadStatus(reader, 3),
                    reader.GetString(4), ReadTime(reader, 5), reader.IsDBNull(6) ? null : ReadTime(reader, 6), reader.IsDBNull(7) ? null : reader.GetString(7));
                var (order, line) = (reader.GetString(1), reader.GetString(2));
                if (!lines.TryGetValue((order, LineIds.Of(line)), out var ids))
                    lines[(order, LineIds.Of(line))] = ids = new Dictionary<string, List<StoredEntry>>(StringComparer.Ordinal);
                if (!ids.TryGetValue(line, out var entries))
                    ids[line] = entries = [];
                entries.Add(entry);
            }
        }

        var ends = new List<(long EntryId, string Run, string Reason)>();
        var conflicts = new List<string>();
        foreach (var ((order, number), ids) in lines.OrderBy(l => l.Key.OrderId, StringComparer.Ordinal).ThenBy(l => l.Key.Id, StringComparer.Ordinal))
        {
            if (ids.Count < 2 || ids.Count(i => i.Value.Any(e => e.Status == LedgerEntryStatus.Active)) == 0)
                continue;
            var last = ids.ToDictionary(i => i.Key, i => i.Value.SelectMany(e => e.Commits).MaxBy(c => c.At), StringComparer.Ordinal);
            var latest = last.Values.Max(c => c.At);
            var top = last.Where(l => l.Value.At == latest).Select(l => l.Key).Order(StringComparer.Ordinal).ToList();
            var activeTop = top.Where(id => ids[id].Any(e => e.Status == LedgerEntryStatus.Active)).ToList();
            if (activeTop.Count > 1)
            {
                conflicts.Add($"order {order} line {number}: {string.Join(" and ", activeTop.Select(id => $"'{id}'"))} (run {last[activeTop[0]].Run})");
                continue;
            }
            var winner = activeTop.Count == 1 ? activeTop[0] : top[0];
            var run = last[winner].Run;
            foreach (var (id, entries) in ids.Where(i => i.Key != winner))
            {
                foreach (var e in entries.Where(e => e.Status == LedgerEntryStatus.Active))
                    ends.Add((e.EntryId, run, $"replaced by run {run}, which committed order {order} line {number} later as '{winner}' (ledger migration 5: '{id}' and '{winner}' are one line)"));
            }
        }
        if (conflicts.Count > 0)
        {
            throw new LedgerException(LedgerErrorCodes.LineConflict,
                $"ledger {Location}: line ids that are one number are one line now, but one run committed two of them and both still count: " +
                string.Join("; ", conflicts.Take(5)) + (conflicts.Count > 5 ? $"; and {conflicts.Count - 5} more" : "") +
                ". Which should stop counting is not for the migration to guess: void the wrong one with the ChipScreen that committed it " +
                "('ledger void ORDER --line LINE --reason ...'), then migrate again; nothing was changed");
        }
        foreach (var (entry, run, reason) in ends)
        {
            Execute("UPDATE ledger_entries SET status = 'replaced', ended_at = @now, ended_by = @run, end_reason = @reason WHERE entry_id = @id",
                ("now", Time(now)), ("run", run), ("reason", reason), ("id", entry));
        }
        Execute("""
            UPDATE ledger_entries SET line = (SELECT r.line_id FROM stage_relines r WHERE r.order_id = ledger_entries.order_id AND r.line = ledger_entries.line)
            WHERE (order_id, line) IN (SELECT order_id, line FROM stage_relines)
            """);
        Execute(InsertIfAbsent("ledger_lines", "order_id, line",
            "SELECT DISTINCT r.order_id, r.line_id FROM stage_relines r WHERE (r.order_id, r.line) IN (SELECT order_id, line FROM ledger_lines) ORDER BY r.order_id, r.line_id",
            "order_id, line"));
        Execute("DELETE FROM ledger_lines WHERE (order_id, line) IN (SELECT order_id, line FROM stage_relines)");
        if (ends.Count > 0)
            RecomputeTotals("1 = 1");
        Execute($"DROP TABLE IF EXISTS {TempSchema}stage_relines");
    }

    /// <summary>What <see cref="RelineEntries"/> reads of a stored entry.</summary>
    private sealed record StoredEntry(long EntryId, LedgerEntryStatus Status, string RunId, DateTimeOffset CommittedAt, DateTimeOffset? EndedAt, string? EndedBy)
    {
        /// <summary>The commits of its line that the entry shows: its own, and the later one that replaced it.</summary>
        public IEnumerable<(DateTimeOffset At, string Run)> Commits
        {
            get
            {
                yield return (CommittedAt, RunId);
                if (Status == LedgerEntryStatus.Replaced && EndedAt is { } at && EndedBy is { } run)
                    yield return (at, run);
            }
        }
    }

    public virtual void Dispose()
    {
        Transaction?.Dispose();
        Transaction = null;
        Connection.Dispose();
    }

    /// <summary>An open transaction: statements of the store run in it until it is committed or disposed (rolled back).</summary>
    public sealed class Scope : IDisposable
    {
        private readonly LedgerStore _store;
        private readonly DbTransaction _transaction;

        internal Scope(LedgerStore store, DbTransaction transaction)
        {
            if (store.Transaction is not null)
                throw new InvalidOperationException("a ledger transaction is already open");
            _store = store;
            _transaction = transaction;
            store.Transaction = transaction;
        }

        public void Commit()
        {
            _transaction.Commit();
            _store.Transaction = null;
        }

        public void Dispose()
        {
            if (ReferenceEquals(_store.Transaction, _transaction))
            {
                _store.Transaction = null;
                try
                {
                    _transaction.Rollback();
                }
                catch (Exception e) when (_store.IsStoreFailure(e) || e is InvalidOperationException)
                {
                    // The connection is gone; the server rolls back what it had.
                }
            }
            _transaction.Dispose();
        }
    }

    /// <summary>Rows going into a table in bulk; <see cref="Complete"/> ends the load.</summary>
    public abstract class RowWriter : IDisposable
    {
        public abstract void Write(params object?[] values);

        public abstract void Complete();

        public abstract void Dispose();
    }
}
