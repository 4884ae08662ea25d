namespace ChipScreen.Ledger;

/// <summary>How a run used the ledger, for report.json and the audit log.</summary>
/// <param name="Store">The store.</param>
/// <param name="Location">The ledger as reports name it (no password).</param>
/// <param name="SchemaVersion">The ledger's schema version.</param>
/// <param name="Commit">What the commit did, or null when the run only read the ledger.</param>
public sealed record LedgerUse(LedgerStoreKind Store, string Location, int SchemaVersion, LedgerCommitResult? Commit)
{
    /// <summary>Whether the run's consuming lines were committed.</summary>
    public bool Committed => Commit is not null;

    /// <summary><c>sqlite</c> or <c>postgresql</c>.</summary>
    public string StoreName => Store == LedgerStoreKind.Sqlite ? "sqlite" : "postgresql";
}
