namespace ChipScreen.Ledger;

/// <summary>Where a ledger keeps its entries.</summary>
public enum LedgerStoreKind
{
    /// <summary>An SQLite file: the default, for one user or one machine; created by the first commit.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, shared by several screening processes or machines.</summary>
    Postgres,
}
