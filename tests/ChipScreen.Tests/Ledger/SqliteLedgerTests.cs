using ChipScreen.Ledger;
using ChipScreen.Tests.Support;
using ChipScreen.Service;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static ChipScreen.Tests.Support.OrderCsv;

namespace ChipScreen.Tests.Ledger;

/// <summary>The ledger contract on an SQLite file, and what is particular to that store.</summary>
public sealed class SqliteLedgerTests : LedgerContract
{
    private protected override LedgerTarget NewTarget() => LedgerTarget.Sqlite();

    [Fact]
    public async Task ACommitThatFindsTheFileBusy_TriesAgain()
    {
        Commit(Of(Row("SO-0", "1", "2025-01-01", 1)));
        // Another writer holds the file's write lock for longer than the commit waits per attempt.
        using var holder = new SqliteConnection($"Data Source={Target.Location};Pooling=False");
        holder.Open();
        var transaction = holder.BeginTransaction(deferred: false);
        var release = Task.Run(async () =>
        {
            await Task.Delay(2500);
            transaction.Commit();
        });
        var run = Commit(Of(Row("SO-1", "1", "2025-03-01", 2000)), new LedgerOptions(Target.Location) { LockTimeout = TimeSpan.FromSeconds(1) });
        await release;
        Assert.True(run.Report.Ledger!.Commit!.Attempts > 1, $"{run.Report.Ledger.Commit.Attempts} attempt(s)");
        Assert.Equal(20_010_000m, Totals()[("consignee_year", "LAKECOMPUTELTD", "2025")]);
    }

    [Fact]
    public void ACommitThatNeverGetsTheFile_FailsAndWritesNothing()
    {
        Commit(Of(Row("SO-0", "1", "2025-01-01", 1)));
        using var holder = new SqliteConnection($"Data Source={Target.Location};Pooling=False");
        holder.Open();
        using var transaction = holder.BeginTransaction(deferred: false);
        var e = Assert.Throws<LedgerException>(() => Commit(Of(Row("SO-1", "1", "2025-03-01", 2000)), new LedgerOptions(Target.Location) { LockTimeout = TimeSpan.FromSeconds(1), CommitAttempts = 2 }));
        Assert.Equal(LedgerErrorCodes.CommitConflict, e.Code);
        transaction.Rollback();
        Assert.Equal(10_000m, Totals().Values.Sum());
    }

    [Fact]
    public void AnEntryVolumeThatIsNoNumber_IsNamedWhenTheBatchSumsItsOwnEntries()
    {
        var batch = Of(Row("SO-1", "1", "2025-03-01", 2000));
        Commit(batch);
        Execute("UPDATE ledger_entries SET volume = '2e7'");
        // The batch's own entries are summed in SQLite (dec_sum), which passes on only a message: the row is still named.
        var e = Assert.Throws<LedgerException>(() => Commit(batch));
        Assert.Equal(LedgerErrorCodes.DataInvalid, e.Code);
        Assert.Contains("ledger_entries.volume of entry 1 (order SO-1 line 1) is '2e7', not a volume (a decimal number)", e.Message);
    }

    [Fact]
    public async Task TheService_WithALedgerFileThatIsNotThere_FailsTheCall_NeverCountsItEmpty()
    {
        var missing = Path.Combine(Path.GetDirectoryName(Target.Location)!, "no-such-ledger.db");
        using var provider = new ServiceCollection().AddChipScreen(o =>
        {
            o.RulesDirectory = Repo.Rules;
            o.PackId = "ai-diffusion-2025";
            o.AsOf = new DateOnly(2025, 12, 31);
            o.Ledger = missing;
        }).BuildServiceProvider();
        var line = global::ChipScreen.Orders.OrderCsvReader.FromText(Of(Row("SO-9", "1", "2025-06-01", 10))).ReadLines().Single();
        await Assert.ThrowsAsync<LedgerException>(async () => await provider.GetRequiredService<IOrderScreener>().ScreenAsync(line));
        Assert.False(File.Exists(missing)); // reading never creates a ledger
    }
}
