using ChipScreen.Tests.Support;
using Xunit.Abstractions;

namespace ChipScreen.Tests.Ledger;

/// <summary>Racing and killed <c>chipscreen</c> processes on one SQLite ledger file.</summary>
[Collection(nameof(LedgerProcessContract))]
public sealed class SqliteLedgerProcessTests(ITestOutputHelper output) : LedgerProcessContract(output)
{
    private protected override LedgerTarget NewTarget() => LedgerTarget.Sqlite();
}
