using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Ledger;

/// <summary>The ledger contract on the PostgreSQL test server (a fresh schema per test).</summary>
public sealed class PostgresLedgerTests : LedgerContract, IPostgresTests
{
    private protected override LedgerTarget NewTarget() => LedgerTarget.Postgres();
}
