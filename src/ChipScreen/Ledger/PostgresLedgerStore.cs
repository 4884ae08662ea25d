using System.Data;
using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace ChipScreen.Ledger;

/// <summary>The ledger in a PostgreSQL database, shared by several screening processes or machines.</summary>
/// <remarks>
/// A commit locks the rows of the accounts it reads or writes (<c>SELECT ... FOR UPDATE</c>, in key order), so two
/// commits against the same consignee or country run one after the other while commits on other accounts run side by
/// side; a deadlock or serialization failure makes the commit start over. Tables live in the connection's current
/// schema (the first of <c>Search Path</c>); staging tables are temporary. Bulk loads use binary COPY.
/// </remarks>
internal sealed class PostgresLedgerStore : LedgerStore
{
    private PostgresLedgerStore(NpgsqlConnection connection, LedgerLocation location, LedgerOptions options)
        : base(connection, location, options)
    {
    }

    private static readonly TimeSpan ServerGrace = TimeSpan.FromMinutes(5);

    public override LedgerStoreKind Kind => LedgerStoreKind.Postgres;

    protected override TimeSpan StatementTimeout => Options.LockTimeout + ServerGrace;

    protected override string LockRows => " FOR UPDATE OF a";

    protected override string TempSchema => "pg_temp.";

    private NpgsqlConnection Npgsql => (NpgsqlConnection)Connection;

    public static PostgresLedgerStore Connect(LedgerLocation location, LedgerOptions options)
    {
        // A lock wait past LockTimeout fails the statement with lock_not_available, which the commit retries; the
        // command timeout only guards against a server that stops answering.
        var builder = new NpgsqlConnectionStringBuilder(location.Target)
        {
            CommandTimeout = (int)(options.LockTimeout + ServerGrace).TotalSeconds,
        };
        builder.Options = $"{builder.Options} -c lock_timeout={(long)options.LockTimeout.TotalMilliseconds}".Trim();
        if (string.IsNullOrEmpty(builder.ApplicationName))
            builder.ApplicationName = "chipscreen";
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            return new PostgresLedgerStore(connection, location, options);
        }
        catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or ArgumentException)
        {
            connection.Dispose();
            throw new LedgerException(LedgerErrorCodes.Unavailable, $"ledger {location}: {e.Message}", e);
        }
    }

    protected override string Types(string statement) => statement
        .Replace("{ID}", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", StringComparison.Ordinal)
        .Replace("{NUM}", "NUMERIC", StringComparison.Ordinal)
        .Replace("{DATE}", "DATE", StringComparison.Ordinal)
        .Replace("{TIME}", "TIMESTAMPTZ", StringComparison.Ordinal);

    protected override string InsertIfAbsent(string table, string columns, string select, string conflictColumns) =>
        $"INSERT INTO {table} ({columns}) {select} ON CONFLICT ({conflictColumns}) DO NOTHING";

    protected override string SumOf(string column) => $"COALESCE(SUM({column}), 0)";

    protected override bool TableExists(string name) => Scalar("SELECT to_regclass(@name) IS NOT NULL", ("name", name)) is true;

    protected override DbTransaction BeginWriteTransaction() => Npgsql.BeginTransaction(IsolationLevel.ReadCommitted);

    protected override DbTransaction BeginSnapshotTransaction() => Npgsql.BeginTransaction(IsolationLevel.RepeatableRead);

    protected override void LockSchema() => Scalar("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.chipscreen_ledger'))");

    // serialization_failure, deadlock_detected, lock_not_available
    public override bool IsTransient(Exception e) => e is PostgresException { SqlState: "40001" or "40P01" or "55P03" };

    protected override bool IsStoreFailure(Exception e) => e is NpgsqlException or IOException or TimeoutException;

    public override object Volume(decimal value) => value;

    protected override decimal VolumeOf(DbDataReader reader, int ordinal) => reader.GetDecimal(ordinal);

    public override object Date(DateOnly value) => value;

    protected override DateOnly DateOf(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateOnly>(ordinal);

    public override object Time(DateTimeOffset value) => value.ToUniversalTime();

    protected override DateTimeOffset TimeOf(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    protected override void Analyze(string table) => Execute($"ANALYZE {table}");

    /// <summary>Creates the batch's line rows that do not exist yet and locks them all, in key order.</summary>
    public override void LockLines()
    {
        Execute("INSERT INTO ledger_lines (order_id, line) SELECT DISTINCT order_id, line FROM stage_lines ORDER BY order_id, line ON CONFLICT (order_id, line) DO NOTHING");
        Execute("SELECT 1 FROM ledger_lines l WHERE (l.order_id, l.line) IN (SELECT order_id, line FROM stage_lines) ORDER BY l.order_id, l.line FOR UPDATE OF l");
    }

    /// <summary>Takes <c>ledger_lines</c> in a mode that conflicts with the row-exclusive lock every commit takes first
    /// (its insert of the batch's lines) and with itself: commits under way finish first, and new ones and other voids
    /// wait until this transaction ends. A void is short and rare; commits on every account wait for it.</summary>
    protected override void HoldOffWriters() => Execute("LOCK TABLE ledger_lines IN SHARE ROW EXCLUSIVE MODE");

    protected override RowWriter BulkInsert(string table, IReadOnlyList<string> columns) => new Copier(Npgsql, table, columns);

    /// <summary>A binary COPY into the table, in the open transaction if there is one.</summary>
    private sealed class Copier(NpgsqlConnection connection, string table, IReadOnlyList<string> columns) : RowWriter
    {
        private readonly NpgsqlBinaryImporter _importer = connection.BeginBinaryImport($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)");

        public override void Write(params object?[] values)
        {
            _importer.StartRow();
            foreach (var value in values)
            {
                switch (value)
                {
                    case null: _importer.WriteNull(); break;
                    case string s: _importer.Write(s, NpgsqlDbType.Text); break;
                    case long l: _importer.Write(l, NpgsqlDbType.Bigint); break;
                    case int i: _importer.Write(i, NpgsqlDbType.Integer); break;
                    case decimal d: _importer.Write(d, NpgsqlDbType.Numeric); break;
                    case DateOnly date: _importer.Write(date, NpgsqlDbType.Date); break;
                    default: throw new ArgumentException($"no COPY mapping for {value.GetType().Name}", nameof(values));
                }
            }
        }

        public override void Complete() => _importer.Complete();

        public override void Dispose() => _importer.Dispose();
    }
}
