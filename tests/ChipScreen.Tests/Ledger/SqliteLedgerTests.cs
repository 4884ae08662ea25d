using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Ledger;

/// <summary>The ledger contract on an SQLite file.</summary>
public sealed class SqliteLedgerTests : LedgerContract
{
    private protected override LedgerTarget NewTarget() => LedgerTarget.Sqlite();
}
