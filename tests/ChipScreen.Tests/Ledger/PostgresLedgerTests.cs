using ChipScreen.Ledger;
using ChipScreen.Tests.Support;
using Npgsql;
using static ChipScreen.Tests.Support.OrderCsv;

namespace ChipScreen.Tests.Ledger;

/// <summary>The ledger contract on the PostgreSQL test server (a fresh schema per test), and what is particular to that store.</summary>
public sealed class PostgresLedgerTests : LedgerContract, IPostgresTests
{
    private protected override LedgerTarget NewTarget() => LedgerTarget.Postgres();

    [LedgerFact]
    public async Task ACommitThatWaitsTooLongForALock_TriesAgain()
    {
        Commit(Of(Row("SO-0", "1", "2025-01-01", 1)));
        // Another session holds the consignee's account row for longer than the commit waits per attempt.
        await using var holder = new NpgsqlConnection(Target.Location);
        await holder.OpenAsync();
        var transaction = await holder.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("SELECT total FROM ledger_accounts WHERE account_key = 'LAKECOMPUTELTD' FOR UPDATE", holder, transaction))
            await command.ExecuteScalarAsync();
        var release = Task.Run(async () =>
        {
            await Task.Delay(2500);
            await transaction.CommitAsync();
        });
        var run = Commit(Of(Row("SO-1", "1", "2025-03-01", 2000)), new LedgerOptions(Target.Location) { LockTimeout = TimeSpan.FromSeconds(1) });
        await release;
        Assert.True(run.Report.Ledger!.Commit!.Attempts > 1, $"{run.Report.Ledger.Commit.Attempts} attempt(s)");
        Assert.Equal(20_010_000m, Totals()[("consignee_year", "LAKECOMPUTELTD", "2025")]);
    }
}
