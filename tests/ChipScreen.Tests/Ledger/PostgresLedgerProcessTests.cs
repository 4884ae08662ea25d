using ChipScreen.Tests.Support;
using Xunit.Abstractions;

namespace ChipScreen.Tests.Ledger;

/// <summary>Racing and killed <c>chipscreen</c> processes on one PostgreSQL ledger.</summary>
[Collection(nameof(LedgerProcessContract))]
public sealed class PostgresLedgerProcessTests(ITestOutputHelper output) : LedgerProcessContract(output), IPostgresTests
{
    private protected override LedgerTarget NewTarget() => LedgerTarget.Postgres();
}
