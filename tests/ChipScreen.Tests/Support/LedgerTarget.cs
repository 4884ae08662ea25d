using ChipScreen.Ledger;
using ChipScreen.Volumes;
using Npgsql;

namespace ChipScreen.Tests.Support;

/// <summary>A fresh, empty ledger for one test: an SQLite file in a temporary directory, or a new schema on the
/// PostgreSQL test server (dropped on dispose).</summary>
internal abstract class LedgerTarget : IDisposable
{
    public abstract string Location { get; }

    public abstract LedgerStoreKind Kind { get; }

    public LedgerOptions Options => new(Location);

    public VolumeLedger Open(bool write = false) => VolumeLedger.Open(Options, TimeProvider.System, write);

    /// <summary>Every account's total, by (account, key, period).</summary>
    public Dictionary<(string, string, string), decimal> Totals()
    {
        using var ledger = Open();
        return ledger.Accounts(LedgerQuery.All).ToDictionary(a => (a.Account.Name(), a.Key, a.Period), a => a.Total);
    }

    /// <summary>The entries, with replaced and voided ones when <paramref name="history"/>.</summary>
    public List<LedgerEntry> Entries(bool history)
    {
        using var ledger = Open();
        return ledger.Entries(new LedgerQuery(IncludeHistory: history)).ToList();
    }

    public abstract void Dispose();

    public static LedgerTarget Sqlite() => new SqliteTarget();

    public static LedgerTarget Postgres() => new PostgresTarget();

    private sealed class SqliteTarget : LedgerTarget
    {
        private readonly TempDir _dir = new();

        public override string Location => _dir.File("ledger.db");

        public override LedgerStoreKind Kind => LedgerStoreKind.Sqlite;

        public override void Dispose() => _dir.Dispose();
    }

    private sealed class PostgresTarget : LedgerTarget
    {
        private readonly string _admin;
        private readonly string _schema = "t_" + Guid.NewGuid().ToString("N");

        public PostgresTarget()
        {
            _admin = new NpgsqlConnectionStringBuilder(PostgresTestServer.Require()) { Pooling = false }.ConnectionString;
            Run($"CREATE SCHEMA {_schema}");
            Location = new NpgsqlConnectionStringBuilder(_admin) { SearchPath = _schema }.ConnectionString;
        }

        public override string Location { get; }

        public override LedgerStoreKind Kind => LedgerStoreKind.Postgres;

        public override void Dispose() => Run($"DROP SCHEMA IF EXISTS {_schema} CASCADE");

        private void Run(string sql)
        {
            using var connection = new NpgsqlConnection(_admin);
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }
    }
}
