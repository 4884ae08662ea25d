using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ChipScreen.Ledger;

/// <summary>The ledger in one SQLite file (write-ahead log): the default store, for one user or one machine.</summary>
/// <remarks>
/// Writers take the file's write lock for the whole commit (<c>BEGIN IMMEDIATE</c>), so commits of several processes
/// run one after another; readers are not blocked. SQLite has no decimal type: volumes are stored as canonical decimal
/// text and summed exactly by <c>dec_sum</c>, an aggregate this connection registers.
/// </remarks>
internal sealed class SqliteLedgerStore : LedgerStore
{
    private SqliteLedgerStore(SqliteConnection connection, LedgerLocation location, LedgerOptions options)
        : base(connection, location, options)
    {
    }

    private LedgerValueException? _sumFailure;

    public override LedgerStoreKind Kind => LedgerStoreKind.Sqlite;

    /// <summary>A statement that failed in <c>dec_sum</c> on a stored volume that is no number.</summary>
    protected override LedgerValueException? AsValueFailure(Exception e) =>
        base.AsValueFailure(e) ?? (e is SqliteException ? Interlocked.Exchange(ref _sumFailure, null) : null);

    protected override string LockRows => "";

    protected override string TempSchema => "temp.";

    private SqliteConnection Sqlite => (SqliteConnection)Connection;

    public static SqliteLedgerStore Connect(LedgerLocation location, LedgerOptions options, bool write, bool create)
    {
        var path = Path.GetFullPath(location.Target);
        if (!create && !File.Exists(path))
            throw new LedgerException(LedgerErrorCodes.Missing, $"no ChipScreen ledger at {location} yet: the first 'screen --commit' (or 'ledger migrate') creates it");
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            DefaultTimeout = (int)options.LockTimeout.TotalSeconds,
            Pooling = false,
        };
        SqliteConnection? connection = null;
        try
        {
            if (create)
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            connection = new SqliteConnection(builder.ConnectionString);
            connection.Open();
            var store = new SqliteLedgerStore(connection, location, options);
            store.Execute($"PRAGMA busy_timeout = {(long)options.LockTimeout.TotalMilliseconds}");
            if (write)
                store.Execute("PRAGMA journal_mode = WAL");
            store.Execute("PRAGMA synchronous = FULL");
            connection.CreateAggregate("dec_sum", 0m, (decimal sum, string value) =>
            {
                try
                {
                    return sum + LedgerNumbers.ParseVolume(value);
                }
                catch (Exception e) when (e is FormatException or OverflowException)
                {
                    // SQLite passes on only the message: keep the value for Guard to report.
                    store._sumFailure = new LedgerValueException("volume", value, "a volume (a decimal number)", e);
                    throw;
                }
            }, (decimal sum) => LedgerNumbers.Canonical(sum), isDeterministic: true);
            return store;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            connection?.Dispose();
            throw new LedgerException(LedgerErrorCodes.Unavailable, $"ledger {location}: {e.Message}", e);
        }
    }

    protected override string Types(string statement) => statement
        .Replace("{ID}", "INTEGER PRIMARY KEY AUTOINCREMENT", StringComparison.Ordinal)
        .Replace("{NUM}", "TEXT", StringComparison.Ordinal)
        .Replace("{DATE}", "TEXT", StringComparison.Ordinal)
        .Replace("{TIME}", "TEXT", StringComparison.Ordinal);

    protected override string InsertIfAbsent(string table, string columns, string select, string conflictColumns) =>
        $"INSERT OR IGNORE INTO {table} ({columns}) {select}";

    protected override string SumOf(string column) => $"dec_sum({column})";

    protected override bool TableExists(string name) =>
        Convert.ToInt64(Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name", ("name", name)), System.Globalization.CultureInfo.InvariantCulture) > 0;

    protected override DbTransaction BeginWriteTransaction() => Sqlite.BeginTransaction(IsolationLevel.Serializable, deferred: false);

    protected override DbTransaction BeginSnapshotTransaction() => Sqlite.BeginTransaction(IsolationLevel.Serializable, deferred: true);

    protected override void LockSchema()
    {
        // BEGIN IMMEDIATE already excludes every other writer.
    }

    public override bool IsTransient(Exception e) => e is SqliteException { SqliteErrorCode: 5 or 6 }; // SQLITE_BUSY, SQLITE_LOCKED

    protected override bool IsStoreFailure(Exception e) => e is SqliteException or IOException;

    public override object Volume(decimal value) => LedgerNumbers.Canonical(value);

    protected override decimal VolumeOf(DbDataReader reader, int ordinal) => LedgerNumbers.ParseVolume(reader.GetString(ordinal));

    public override object Date(DateOnly value) => LedgerNumbers.Date(value);

    protected override DateOnly DateOf(DbDataReader reader, int ordinal) => LedgerNumbers.ParseDate(reader.GetString(ordinal));

    public override object Time(DateTimeOffset value) => LedgerNumbers.Time(value);

    protected override DateTimeOffset TimeOf(DbDataReader reader, int ordinal) => LedgerNumbers.ParseTime(reader.GetString(ordinal));

    protected override void Analyze(string table)
    {
        // SQLite plans these joins well from the indexes alone.
    }

    protected override RowWriter BulkInsert(string table, IReadOnlyList<string> columns) => new Inserter(this, table, columns);

    /// <summary>One prepared INSERT, re-bound per row, inside the open transaction (or its own, deferred).</summary>
    private sealed class Inserter : RowWriter
    {
        private readonly Scope? _own;
        private readonly DbCommand _insert;

        public Inserter(SqliteLedgerStore store, string table, IReadOnlyList<string> columns)
        {
            if (store.Transaction is null)
                _own = store.Snapshot(); // temporary tables only: no write lock on the ledger
            _insert = store.Command($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})",
                columns.Select((_, i) => ("p" + i, (object?)null)).ToArray());
            _insert.Prepare();
        }

        public override void Write(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
                _insert.Parameters[i].Value = values[i] ?? DBNull.Value;
            _insert.ExecuteNonQuery();
        }

        public override void Complete() => _own?.Commit();

        public override void Dispose()
        {
            _insert.Dispose();
            _own?.Dispose();
        }
    }
}
