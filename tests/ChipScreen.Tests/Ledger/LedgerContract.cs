using System.Text.Json;
using ChipScreen.Ledger;
using ChipScreen.Orders;
using ChipScreen.Runs;
using ChipScreen.Screening;
using ChipScreen.Service;
using Microsoft.Extensions.DependencyInjection;
using ChipScreen.Tests.Support;
using ChipScreen.Volumes;
using static ChipScreen.Tests.Support.OrderCsv;

namespace ChipScreen.Tests.Ledger;

/// <summary>What every ledger store must do, run once per store (<see cref="SqliteLedgerTests"/>, <see cref="PostgresLedgerTests"/>).</summary>
public abstract class LedgerContract : IDisposable
{
    private static readonly DateOnly AsOf = new(2025, 12, 31);
    private readonly TempDir _dir = new();
    private readonly Lazy<LedgerTarget> _target;
    private int _runs;

    private protected LedgerContract() => _target = new(NewTarget);

    private protected abstract LedgerTarget NewTarget();

    private protected LedgerTarget Target => _target.Value;

    // ---- volumes across batches ----

    [LedgerFact]
    public void TwoCommittedBatches_CountTogether_AndANewYearStartsAfresh()
    {
        var batchOne = Of(Row("SO-1", "1", "2025-03-01", 2000)); // 20,000,000 under LPP
        Commit(batchOne);
        var two = Commit(Of(
            Row("SO-2", "1", "2025-06-01", 690),                 // 6,900,000: exactly 26,900,000
            Row("SO-2", "2", "2025-06-02", 1, tpp: 4800),         // one more line: past LPP
            Row("SO-3", "1", "2026-01-05", 690)));               // January of the next year
        Assert.Equal(("LICENSE_EXCEPTION", "LPP"), (two.Decisions[0][2], two.Decisions[0][3]));
        Assert.Equal(("LICENSE_REQUIRED", "A5"), (two.Decisions[1][2], two.Decisions[1][7]));
        Assert.Equal(("LICENSE_EXCEPTION", "LPP"), (two.Decisions[2][2], two.Decisions[2][3]));
        Assert.Equal(20_000_000m, two.Report.Volumes.ConsigneeTotals.Single(t => t.Period == "2025").Before);

        var totals = Totals();
        Assert.Equal(26_900_000m, totals[("consignee_year", "LAKECOMPUTELTD", "2025")]);
        Assert.Equal(6_900_000m, totals[("consignee_year", "LAKECOMPUTELTD", "2026")]);
        Assert.Equal(4_800m, totals[("country_allocation", "IN", "2025-2027")]);
        AssertTotalsAreTheSumOfActiveEntries();

        // A later batch finds the consignee at the limit; re-committing batch one changes nothing.
        var three = Run(Of(Row("SO-4", "1", "2025-09-01", 1, tpp: 4800)), commit: false);
        Assert.Equal(("LICENSE_REQUIRED", "A5"), (three.Decisions[0][2], three.Decisions[0][7]));
        var again = Commit(batchOne);
        Assert.Equal("LPP", again.Decisions[0][3]);
        Assert.Equal((0L, 0L, 1L), (again.Report.Ledger!.Commit!.Added, again.Report.Ledger.Commit.Replaced, again.Report.Ledger.Commit.Unchanged));
        Assert.Equal(totals, Totals());
    }

    [LedgerFact]
    public async Task TheService_CountsAfterTheLedger_ForOneOrderAndForABatch_LeavingOutTheOrdersOwnEntry()
    {
        Commit(Of(Row("SO-1", "1", "2025-03-01", 2000))); // 20,000,000 for Lake Compute under LPP
        using var withLedger = Service(Target.Location);
        using var without = Service(null);
        var screener = withLedger.GetRequiredService<IOrderScreener>();
        var another = Lines(Row("SO-2", "1", "2025-06-01", 1000))[0]; // 10,000,000 more

        // Alone it fits LPP; after the ledger's 20,000,000 it does not.
        Assert.Equal("LPP", (await without.GetRequiredService<IOrderScreener>().ScreenAsync(another)).Exception);
        var past = await screener.ScreenAsync(another);
        Assert.Equal((Decision.LicenseRequired, "A5"), (past.Decision, past.Line.RuleIds));
        Assert.Equal(20_000_000m, past.Line.Facts.Volume.ConsigneeYearBefore);

        // The committed line screened again is not counted against itself.
        var own = await screener.ScreenAsync(Lines(Row("SO-1", "1", "2025-03-01", 2000))[0]);
        Assert.Equal((Decision.LicenseException, "LPP"), (own.Decision, own.Exception));
        Assert.Equal(0m, own.Line.Facts.Volume.ConsigneeYearBefore);

        // A batch counts after the ledger too: exactly 26,900,000 fits, one more line does not.
        var batch = await screener.ScreenBatchAsync(Stream(Lines(Row("SO-3", "1", "2025-07-01", 690), Row("SO-3", "2", "2025-07-02", 1, tpp: 4800)))).ToListAsync();
        Assert.Equal([(Decision.LicenseException, "LPP"), (Decision.LicenseRequired, (string?)null)], batch.Select(r => (r.Decision, r.Exception)));

        // Reading never writes: the ledger holds only the committed batch.
        Assert.Equal(20_000_000m, Totals()[("consignee_year", "LAKECOMPUTELTD", "2025")]);
    }

    [LedgerFact]
    public async Task ALineWithoutItsLineId_NeverLeavesOutACommittedEntry_ItCountsOnTop()
    {
        // SO-1:1 and SO-1:2 hold 20,000,000. A new row of SO-1 that gives no line id is numbered 1 by its position, but it is
        // not the committed SO-1:1: like SO-1:3 it counts after both (10,000,000 more: 30,000,000, past LPP).
        Commit(Of(Row("SO-1", "1", "2025-03-01", 1000), Row("SO-1", "2", "2025-03-02", 1000)));
        using var service = Service(Target.Location);
        var screener = service.GetRequiredService<IOrderScreener>();
        foreach (var line in new[] { "3", "" })
        {
            var one = await screener.ScreenAsync(Lines(Row("SO-1", line, "2025-06-01", 1000))[0]);
            Assert.Equal((Decision.LicenseRequired, "A5", 20_000_000m), (one.Decision, one.Line.RuleIds, one.Line.Facts.Volume.ConsigneeYearBefore));
        }
        // In a batch, rows numbered 1 and 2 by position leave out neither SO-1:1 nor SO-1:2. The licensed first row does not
        // add to the consignee's year; 6,900,000 more then reaches exactly 26,900,000.
        var batch = await screener.ScreenBatchAsync(Stream(Lines(Row("SO-1", "", "2025-06-01", 1000), Row("SO-1", "", "2025-06-02", 690)))).ToListAsync();
        Assert.Equal([(Decision.LicenseRequired, 20_000_000m), (Decision.LicenseException, 20_000_000m)], batch.Select(r => (r.Decision, r.Line.Facts.Volume.ConsigneeYearBefore)));

        var file = Run(Of(Row("SO-1", "", "2025-06-01", 1000)), commit: false);
        Assert.Equal(("1", "LICENSE_REQUIRED", "A5"), (file.Decisions[0][1], file.Decisions[0][2], file.Decisions[0][7]));
        Assert.Equal(20_000_000m, file.Report.Volumes.ConsigneeTotals.Single().Before);
        Assert.Equal(20_000_000m, Totals()[("consignee_year", "LAKECOMPUTELTD", "2025")]);
    }

    [LedgerFact]
    public void ACommittedBatch_WithRowsWithoutALineId_IsRefusedNamingThem_BeforeAnythingIsWritten()
    {
        Commit(Of(Row("SO-7", "1", "2025-03-01", 2000)));
        var entries = Entries(history: true);
        // Row 2 would be numbered SO-7:1 by its position, replacing the committed SO-7:1 with another line's volume.
        var e = Assert.Throws<OrderFileException>(() => Commit(Of(Row("SO-8", "1", "2025-03-01", 10), Row("SO-7", "", "2025-04-01", 20), Row("SO-9", "", "2025-04-02", 30))));
        Assert.Contains("row 2 (order SO-7), row 3 (order SO-9) have none", e.Message);
        Assert.Contains("'line' column", e.Message);
        Assert.Equal(entries, Entries(history: true));
        Assert.Single(Directory.GetFiles(_dir.Path, "decisions.csv", SearchOption.AllDirectories)); // the first run's only
    }

    [LedgerFact]
    public void RecommittingABatch_ChangesNothing()
    {
        var batch = Of(Row("SO-1", "1", "2025-03-01", 2000), Row("SO-1", "2", "2025-03-02", 3000, destination: "CL", consignee: "Andes Cloud"));
        var first = Commit(batch);
        Commit(Of(Row("SO-2", "1", "2025-06-01", 690)));
        var entries = Entries(history: true);
        var totals = Totals();

        var again = Commit(batch);
        Assert.Equal(first.Decisions.Select(d => d[2] + d[3]), again.Decisions.Select(d => d[2] + d[3]));
        Assert.Equal(new LedgerCommitResult(0, 0, 2, 1, false, default), again.Report.Ledger!.Commit! with { Elapsed = default });
        Assert.Equal(totals, Totals());
        Assert.Equal(entries, Entries(history: true));
    }

    [LedgerFact]
    public void LicensedLines_ConsumeTheCountryAllocationAcrossBatches()
    {
        // 26 consignees past LPP with 30,000,000 each: 780,000,000 of the 790,000,000; a 27th in a later batch would exceed it.
        Commit(Of(Enumerable.Range(0, 26).Select(i => Row($"SO-{i}", "1", "2025-05-01", 3000, destination: "CL", consignee: $"Consignee {i:D2}"))));
        var later = Commit(Of(Row("SO-99", "1", "2025-09-01", 3000, destination: "CL", consignee: "Late Comer"), Row("SO-99", "2", "2025-09-01", 1000, destination: "CL", consignee: "Late Comer")));
        Assert.Equal(("PROHIBITED", "A6"), (later.Decisions[0][2], later.Decisions[0][7]));
        Assert.Equal("LPP", later.Decisions[1][3]);
        Assert.Equal(780_000_000m, Totals()[("country_allocation", "CL", "2025-2027")]);
    }

    [LedgerFact]
    public void ScreeningWithoutCommit_ReadsTheLedgerButNeverWritesIt()
    {
        Commit(Of(Row("SO-1", "1", "2025-03-01", 2000)));
        var entries = Entries(history: true);
        var read = Run(Of(Row("SO-2", "1", "2025-06-01", 700)), commit: false);
        Assert.Equal("LICENSE_REQUIRED", read.Decisions[0][2]); // 20,000,000 + 7,000,000 > 26,900,000
        Assert.False(read.Report.Ledger!.Committed);
        Assert.Equal(entries, Entries(history: true));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(read.Out, "report.json")));
        Assert.False(json.RootElement.GetProperty("ledger").GetProperty("committed").GetBoolean());
    }

    [LedgerFact]
    public void ReadingALedgerThatDoesNotExist_FailsRatherThanCountingFromZero()
    {
        var e = Assert.Throws<LedgerException>(() => Run(Of(Row("SO-1", "1", "2025-03-01", 2000)), commit: false));
        Assert.Equal(LedgerErrorCodes.Missing, e.Code);
        Assert.Empty(Directory.GetFiles(_dir.Path, "decisions.csv", SearchOption.AllDirectories));
    }

    [LedgerFact]
    public void ACommittedLine_DoesNotCountAgainstItself()
    {
        var batch = Of(Row("SO-1", "1", "2025-03-01", 2690)); // 26,900,000: the whole LPP allowance
        Commit(batch);
        var again = Run(batch, commit: false);
        Assert.Equal("LPP", again.Decisions[0][3]);
        Assert.Equal(0m, again.Report.Volumes.ConsigneeTotals.Single().Before);
    }

    [LedgerFact]
    public void AChangedLine_ReplacesItsEntry_KeepingTheOldOneAsHistory()
    {
        Commit(Of(Row("SO-1", "1", "2025-03-01", 2000)));
        var changed = Commit(Of(Row("SO-1", "1", "2025-03-01", 1000)));
        Assert.Equal((1L, 1L, 0L), (changed.Report.Ledger!.Commit!.Added, changed.Report.Ledger.Commit.Replaced, changed.Report.Ledger.Commit.Unchanged));
        Assert.Equal(10_000_000m, Totals()[("consignee_year", "LAKECOMPUTELTD", "2025")]);
        var history = Entries(history: true);
        Assert.Equal([LedgerEntryStatus.Replaced, LedgerEntryStatus.Active], history.Select(e => e.Status));
        Assert.Equal(changed.Report.RunId, history[0].EndedBy);
        AssertTotalsAreTheSumOfActiveEntries();
    }

    [LedgerFact]
    public void ALineThatNoLongerConsumes_EndsItsEntry()
    {
        Commit(Of(Row("SO-1", "1", "2025-03-01", 2000)));
        var held = Commit(Of(Row("SO-1", "1", "2025-03-01", 2000, endUse: "military radar")));
        Assert.Equal("HOLD", held.Decisions[0][2]);
        Assert.Equal(0m, Totals().GetValueOrDefault(("consignee_year", "LAKECOMPUTELTD", "2025")));
        Assert.Single(Entries(history: true), e => e.Status == LedgerEntryStatus.Replaced);
        Assert.Empty(Entries(history: false));
    }

    [LedgerFact]
    public void DuplicateLinesInACommittedBatch_AreRefusedBeforeAnythingIsWritten()
    {
        Commit(Of(Row("SO-0", "1", "2025-01-01", 1)));
        var entries = Entries(history: true);
        var e = Assert.Throws<ChipScreen.Orders.OrderFileException>(() => Commit(Of(Row("SO-1", "1", "2025-03-01", 10), Row("SO-1", "1", "2025-03-02", 20))));
        Assert.Contains("order SO-1 line 1 appears 2 times (rows 1 to 2)", e.Message);
        Assert.Equal(entries, Entries(history: true));
        Assert.Single(Directory.GetFiles(_dir.Path, "decisions.csv", SearchOption.AllDirectories)); // the first run's only
    }

    [LedgerFact]
    public async Task CopiesOfACommittedLine_LeaveItsEntryCounted_ForTheBatchsOtherLines()
    {
        Commit(Of(Row("SO-2", "1", "2025-07-01", 2000))); // 20,000,000 under LPP
        // Two copies of SO-2:1 are held and make a batch that can never be committed: they replace nothing, so the entry
        // still counts, and SO-3 (7,000,000 more) is past the 26,900,000 limit. Leaving the entry out made SO-3 LPP.
        string[] batch = [Row("SO-2", "1", "2025-07-01", 2000), Row("SO-2", "01", "2025-07-01", 2000), Row("SO-3", "1", "2025-07-01", 700)];
        var run = Run(Of(batch), commit: false);
        Assert.Equal(["HOLD", "HOLD", "LICENSE_REQUIRED"], run.Decisions.Select(d => d[2]));
        Assert.Equal(20_000_000m, run.Report.Volumes.ConsigneeTotals.Single().Before);
        using var service = Service(Target.Location);
        var lines = await service.GetRequiredService<IOrderScreener>().ScreenBatchAsync(Lines(batch).ToAsyncEnumerable()).ToListAsync();
        Assert.Equal([Decision.Hold, Decision.Hold, Decision.LicenseRequired], lines.Select(l => l.Decision));
        // A copy written "1.0" is the same line, held twice over (its line is no number ChipScreen reads).
        var written = Run(Of(Row("SO-2", "1.0", "2025-07-01", 2000), Row("SO-2", "1", "2025-07-01", 2000), Row("SO-3", "1", "2025-07-01", 700)), commit: false);
        Assert.Equal(["HOLD", "HOLD", "LICENSE_REQUIRED"], written.Decisions.Select(d => d[2]));
    }

    // ---- a line is known by its number ----

    [LedgerFact]
    public async Task ALineIdPaddedWithZeros_IsTheSameLine_NeverCountedTwice()
    {
        Commit(Of(Row("SO-1", "1", "2025-03-01", 2690))); // 26,900,000: the whole LPP allowance
        // Screening "01" leaves out the entry of "1", as screening "1" does: it is not counted against itself.
        var padded = Run(Of(Row("SO-1", "01", "2025-03-01", 2690)), commit: false);
        Assert.Equal(("LICENSE_EXCEPTION", "LPP", 0m), (padded.Decisions[0][2], padded.Decisions[0][3], padded.Report.Volumes.ConsigneeTotals.Single().Before));
        using (var service = Service(Target.Location))
        {
            var one = await service.GetRequiredService<IOrderScreener>().ScreenAsync(Lines(Row("SO-1", "001", "2025-03-01", 2690))[0]);
            Assert.Equal((Decision.LicenseException, 0m), (one.Decision, one.Line.Facts.Volume.ConsigneeYearBefore));
        }

        // Committing the order again from an export that pads its lines replaces nothing and adds nothing.
        var again = Commit(Of(Row("SO-1", "01", "2025-03-01", 2690)));
        Assert.Equal("01", again.Decisions[0][1]); // the outputs keep the line as the export wrote it
        Assert.Equal((0L, 0L, 1L), (again.Report.Ledger!.Commit!.Added, again.Report.Ledger.Commit.Replaced, again.Report.Ledger.Commit.Unchanged));
        var changed = Commit(Of(Row("SO-1", "001", "2025-03-01", 1000)));
        Assert.Equal((1L, 1L), (changed.Report.Ledger!.Commit!.Added, changed.Report.Ledger.Commit.Replaced));
        Assert.Equal(10_000_000m, Totals()[("consignee_year", "LAKECOMPUTELTD", "2025")]);
        Assert.Equal(["1", "1"], Entries(history: true).Select(e => e.Line)); // the ledger records the line by its number
        AssertTotalsAreTheSumOfActiveEntries();
    }

    [LedgerFact]
    public void ACommittedBatch_NamingOneLineAsBothPaddedAndNot_IsRefusedAsDuplicate()
    {
        var e = Assert.Throws<OrderFileException>(() => Commit(Of(Row("SO-1", "1", "2025-03-01", 10), Row("SO-1", "01", "2025-03-02", 20))));
        Assert.Contains("order SO-1 line 1 appears 2 times (rows 1 to 2)", e.Message);
    }

    [LedgerFact]
    public void VoidingALine_FindsItHoweverItsIdIsPadded()
    {
        Commit(Of(Row("SO-1", "01", "2025-03-01", 2000), Row("SO-1", "2", "2025-03-01", 500)));
        using (var ledger = Target.Open(write: true))
        {
            Assert.Equal(1, ledger.ActiveEntries("SO-1", "001"));
            Assert.Equal(1, ledger.Void("SO-1", "1", "cancelled by the customer"));
            Assert.Equal(LedgerErrorCodes.NothingToVoid, Assert.Throws<LedgerException>(() => ledger.Void("SO-1", "01", "again")).Code);
            Assert.Equal(1, ledger.Void("SO-1", "02", "cancelled too"));
        }
        Assert.Empty(Entries(history: false));
    }

    // ---- races ----

    [LedgerFact]
    public void ALineThatLostTheRace_IsRedecidedUnderTheLock()
    {
        Commit(Of(Row("SO-1", "1", "2025-03-01", 2000))); // 20,000,000
        // The batch screens against 20,000,000 (6,900,000 fits under LPP); before it commits, another commit takes the
        // consignee to 25,000,000.
        CommitHooks.BeforeCommitting.Value = () => Commit(Of(Row("SO-RIVAL", "1", "2025-04-01", 500)));
        var late = Commit(Of(Row("SO-2", "1", "2025-06-01", 690)));
        Assert.True(late.Report.Ledger!.Commit!.Redecided);
        Assert.Equal("LICENSE_REQUIRED", late.Decisions[0][2]);
        Assert.Equal(25_000_000m, late.Report.Volumes.ConsigneeTotals.Single().Before);
        var totals = Totals();
        Assert.Equal(25_000_000m, totals[("consignee_year", "LAKECOMPUTELTD", "2025")]);
        Assert.Equal(6_900_000m, totals[("country_allocation", "IN", "2025-2027")]);
        Assert.Contains("LICENSE_REQUIRED", File.ReadAllText(Path.Combine(late.Out, "audit.jsonl")));
        Assert.True(new RunVerifier(TimeProvider.System).Verify(late.Out, Repo.Rules).Holds);
        AssertTotalsAreTheSumOfActiveEntries();
    }

    [LedgerFact]
    public async Task TwoCommitsOfTheSameLineAtOnce_TakeTurns_AndLeaveOneActiveEntry()
    {
        // The same order line in two batches with nothing else in common: LPP for one consignee in the first, a licensed
        // line to Chile for another in the second. The second commit starts while the first is still open.
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var first = Task.Run(() =>
        {
            CommitHooks.InsideCommitting.Value = () =>
            {
                inside.Set();
                release.Wait(TimeSpan.FromMinutes(1));
            };
            return Commit(Of(Row("SO-1", "1", "2025-03-01", 2000)));
        });
        Assert.True(inside.Wait(TimeSpan.FromMinutes(1)));
        var second = Task.Run(() => Commit(Of(Row("SO-1", "1", "2025-03-01", 3000, destination: "CL", consignee: "Other Cloud"))));
        bool waited;
        try
        {
            await Task.Delay(1000);
            waited = !second.IsCompleted;
        }
        finally
        {
            release.Set();
        }
        await first;
        var later = await second;
        Assert.True(waited, "the second commit did not wait for the first");

        Assert.Equal(1, later.Report.Ledger!.Commit!.Replaced);
        var active = Entries(history: false);
        Assert.Equal([(VolumeAccount.CountryAllocation, "CL")], active.Select(e => (e.Account, e.AccountKey)));
        Assert.Equal(0m, Totals().GetValueOrDefault(("consignee_year", "LAKECOMPUTELTD", "2025")));
        AssertTotalsAreTheSumOfActiveEntries();
    }

    // ---- show, export, void ----

    [LedgerFact]
    public void VoidedEntries_StopCounting_AndStayAsHistory()
    {
        Commit(Of(Row("SO-1", "1", "2025-03-01", 2000), Row("SO-1", "2", "2025-03-01", 500), Row("SO-2", "1", "2025-03-01", 100)));
        using (var ledger = Target.Open(write: true))
        {
            Assert.Equal(1, ledger.Void("SO-1", "2", "cancelled by the customer"));
            Assert.Equal(1, ledger.Void("SO-1", null, "order withdrawn"));
            Assert.Equal(LedgerErrorCodes.NothingToVoid, Assert.Throws<LedgerException>(() => ledger.Void("SO-1", null, "again")).Code);
        }
        Assert.Equal(1_000_000m, Totals()[("consignee_year", "LAKECOMPUTELTD", "2025")]);
        var voided = Entries(history: true).Where(e => e.Status == LedgerEntryStatus.Voided).OrderBy(e => e.Line).ToList();
        Assert.Equal(["order withdrawn", "cancelled by the customer"], voided.Select(e => e.EndReason));
        // A voided line committed again counts again.
        Commit(Of(Row("SO-1", "2", "2025-03-01", 500)));
        Assert.Equal(6_000_000m, Totals()[("consignee_year", "LAKECOMPUTELTD", "2025")]);
        AssertTotalsAreTheSumOfActiveEntries();
    }

    [LedgerFact]
    public void AVoid_LooksAtWhatAnIdNamesAndVoidsIt_InOneTransaction_ThatCommitsWaitFor()
    {
        // "2025:10" names the whole order "2025:10" and line 10 of order "2025"; when the void looks, only the first has
        // entries. Another process then commits line 10 of order "2025": it must wait until the void is done, or the
        // void would act on an id that named two things by the time it wrote.
        Commit(Of(Row("2025:10", "1", "2025-03-01", 100)));
        Task<Screened>? rival = null;
        using var rivalWrote = new ManualResetEventSlim();
        var rivalWroteDuringTheVoid = true;
        using (var ledger = Target.Open(write: true))
        {
            CommitHooks.InsideVoiding.Value = () =>
            {
                rival = Task.Factory.StartNew(() =>
                {
                    CommitHooks.InsideCommitting.Value = rivalWrote.Set; // the rival has written its entry, not yet committed
                    return Commit(Of(Row("2025", "10", "2025-03-01", 200)));
                }, TaskCreationOptions.LongRunning);
                rivalWroteDuringTheVoid = rivalWrote.Wait(TimeSpan.FromSeconds(3));
            };
            var result = ledger.Void([new LedgerVoidTarget("2025:10"), new LedgerVoidTarget("2025", "10")], "withdrawn");
            Assert.Equal([(new LedgerVoidTarget("2025:10"), 1L)], result.Found);
            Assert.Equal(1, result.Voided);
        }
        Assert.NotNull(rival);
        Assert.False(rivalWroteDuringTheVoid, "a commit wrote between the void's look and its write");
        Assert.Equal(1, rival!.Result.Report.Ledger!.Commit!.Added);
        Assert.Equal([("2025", "10")], Entries(history: false).Select(e => (e.OrderId, e.Line)));

        // Now both readings have entries: the id is refused as ambiguous, and nothing is voided.
        Commit(Of(Row("2025:10", "2", "2025-03-02", 100)));
        using (var ledger = Target.Open(write: true))
        {
            var both = ledger.Void([new LedgerVoidTarget("2025:10"), new LedgerVoidTarget("2025", "10")], "withdrawn");
            Assert.Equal([(new LedgerVoidTarget("2025:10"), 1L), (new LedgerVoidTarget("2025", "10"), 1L)], both.Found);
            Assert.Equal(0, both.Voided);
        }
        Assert.Equal(2, Entries(history: false).Count);
        AssertTotalsAreTheSumOfActiveEntries();
    }

    [LedgerFact]
    public void Accounts_FilterByConsigneeCountryAndYear()
    {
        Commit(Of(
            Row("SO-1", "1", "2025-03-01", 2000, consignee: "Lake Compute Ltd."),
            Row("SO-2", "1", "2026-03-01", 100, consignee: "Lake Compute Ltd"),
            Row("SO-3", "1", "2025-03-01", 3000, destination: "CL", consignee: "Andes Cloud")));
        using var ledger = Target.Open();
        // Lake 2025, Lake 2026 and CL 2025-2027 (Andes Cloud's 30,000,000 is past LPP: licensed, it counts against CL).
        Assert.Equal(3, ledger.Accounts(LedgerQuery.All).Count);
        Assert.Equal(["2025", "2026"], ledger.Accounts(new LedgerQuery(Consignee: "lake compute ltd")).Select(a => a.Period));
        Assert.Equal([("CL", 30_000_000m)], ledger.Accounts(new LedgerQuery(Country: "cl")).Select(a => (a.Key, a.Total)));
        Assert.Equal([("LAKECOMPUTELTD", "2025"), ("CL", "2025-2027")], ledger.Accounts(new LedgerQuery(Year: 2025)).Select(a => (a.Key, a.Period)));
        Assert.Equal(2, ledger.Entries(new LedgerQuery(Consignee: "LAKECOMPUTELTD")).Count());
        Assert.Single(ledger.Entries(new LedgerQuery(Year: 2026)));
        Assert.Single(ledger.Entries(new LedgerQuery(Country: "CL")));
    }

    [LedgerFact]
    public void Export_WritesEveryEntryWithItsStatus()
    {
        Commit(Of(Row("SO-1", "1", "2025-03-01", 2000), Row("=cmd", "1", "2025-03-01", 1, consignee: "Other Ltd")));
        Commit(Of(Row("SO-1", "1", "2025-03-01", 1500)));
        using var ledger = Target.Open();
        using var buffer = new MemoryStream();
        LedgerCsv.Write(ledger.Entries(new LedgerQuery(IncludeHistory: true)), buffer);
        var lines = System.Text.Encoding.UTF8.GetString(buffer.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", LedgerCsv.Columns), lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("1,SO-1,1,consignee_year,LAKECOMPUTELTD,2025,20000000,Lake Compute Ltd,IN,2025-03-01,LICENSE_EXCEPTION,LPP,", lines[1]);
        Assert.Contains(",replaced,", lines[1]);
        Assert.StartsWith("2,'=cmd,1,", lines[2]);
        Assert.Contains(",15000000,", lines[3]);
        Assert.Contains(",active,,,", lines[3]);
    }

    [LedgerFact]
    public void OpeningToChangeALedgerThatMayNotBeCreated_FailsWhenItDoesNotExist_AndCreatesNothing()
    {
        var e = Assert.Throws<LedgerException>(() => VolumeLedger.Open(Target.Options, TimeProvider.System, write: true, create: false));
        Assert.Equal(LedgerErrorCodes.Missing, e.Code);
        Assert.Equal(LedgerErrorCodes.Missing, Assert.Throws<LedgerException>(() => Target.Open()).Code); // still nothing there
        Commit(Of(Row("SO-1", "1", "2025-03-01", 2000)));
        using var existing = VolumeLedger.Open(Target.Options, TimeProvider.System, write: true, create: false);
        Assert.Equal(1, existing.ActiveEntries("SO-1", null));
        Assert.Equal(1, existing.Void("SO-1", "1", "cancelled"));
    }

    [LedgerFact]
    public void AValueChangedOutsideChipScreen_FailsNamingTableColumnAndRow_NotAsAnUnexpectedFailure()
    {
        Commit(Of(Row("SO-1", "1", "2025-03-01", 2000), Row("SO-2", "1", "2025-03-01", 100, destination: "CL", consignee: "Andes Cloud")));
        // What each store can hold that is no value of its column: SQLite keeps text; PostgreSQL's numeric has NaN.
        var (total, entryColumn, entryValue, expected) = Target.Kind == LedgerStoreKind.Sqlite
            ? ("abc", "ship_date", "junk", "a date (YYYY-MM-DD)")
            : ("NaN", "volume", "NaN", "a volume (a decimal number)");
        Execute($"UPDATE ledger_accounts SET total = '{total}' WHERE account_key = 'LAKECOMPUTELTD'");

        var screening = Assert.Throws<LedgerException>(() => Run(Of(Row("SO-3", "1", "2025-06-01", 10)), commit: false));
        Assert.Equal(LedgerErrorCodes.DataInvalid, screening.Code);
        Assert.Contains($"ledger_accounts.total of the account (consignee_year, 'LAKECOMPUTELTD', 2025) is '{total}', not a volume (a decimal number)", screening.Message);
        Assert.False(LedgerErrorCodes.IsUsage(screening.Code)); // exits 1, as a ledger that cannot be read
        using (var ledger = Target.Open())
            Assert.Equal(LedgerErrorCodes.DataInvalid, Assert.Throws<LedgerException>(() => ledger.Accounts(LedgerQuery.All)).Code);

        Execute("UPDATE ledger_accounts SET total = '20000000' WHERE account_key = 'LAKECOMPUTELTD'");
        Execute($"UPDATE ledger_entries SET {entryColumn} = '{entryValue}' WHERE order_id = 'SO-2'");
        var reading = Assert.Throws<LedgerException>(() => Entries(history: true));
        Assert.Equal(LedgerErrorCodes.DataInvalid, reading.Code);
        Assert.Contains($"ledger_entries.{entryColumn} of entry 2 (order SO-2 line 1) is '{entryValue}', not {expected}", reading.Message);
    }

    [LedgerFact]
    public void OpeningForWrite_CreatesTheSchemaOnce()
    {
        using (var first = Target.Open(write: true))
            Assert.Equal(LedgerMigrations.Latest, first.SchemaVersion);
        using var second = Target.Open(write: true);
        Assert.Equal(LedgerMigrations.Latest, second.SchemaVersion);
        Assert.Empty(second.Accounts(LedgerQuery.All));
    }

    [LedgerFact]
    public void AnOlderSchema_IsMigratedByTheFirstWrite_AndNeverByAReadOnlyRun()
    {
        using (var v1 = LedgerStore.Open(LedgerLocation.Parse(Target.Location), Target.Options, write: true, upTo: 1))
            Assert.Equal(1, v1.SchemaVersion);
        var e = Assert.Throws<LedgerException>(() => Run(Of(Row("SO-1", "1", "2025-03-01", 2000)), commit: false));
        Assert.Equal(LedgerErrorCodes.SchemaMismatch, e.Code);
        Assert.Contains("ledger migrate", e.Message);
        Commit(Of(Row("SO-1", "1", "2025-03-01", 2000)));
        using var ledger = Target.Open();
        Assert.Equal(LedgerMigrations.Latest, ledger.SchemaVersion);
        Assert.Equal(20_000_000m, ledger.Accounts(LedgerQuery.All).Single().Total);
    }

    [LedgerFact]
    public void Migration3_FoldsTheStoredConsigneeKeys_AndJoinsTheAccountsOfOneConsignee()
    {
        // A version 2 ledger: before legal forms were folded and words run together, "Limited" and "Ltd" were two consignees with a limit each.
        using (var v2 = LedgerStore.Open(LedgerLocation.Parse(Target.Location), Target.Options, write: true, upTo: 2))
        {
            void Entry(string order, string consignee, string key, decimal volume, string status) => v2.Execute("""
                INSERT INTO ledger_entries (order_id, line, account, account_key, period, volume, consignee, consignee_key, destination, ship_date,
                    decision, exception, run_id, committed_at, status)
                VALUES (@o, '1', 'consignee_year', @k, '2025', @v, @c, @k, 'IN', @d, 'LICENSE_EXCEPTION', 'LPP', 'run-v2', @t, @s)
                """, ("o", order), ("k", key), ("v", v2.Volume(volume)), ("c", consignee), ("d", v2.Date(new DateOnly(2025, 3, 1))),
                ("t", v2.Time(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero))), ("s", status));
            void Account(string key, decimal total) => v2.Execute("""
                INSERT INTO ledger_accounts (account, account_key, period, period_from, period_to, total)
                VALUES ('consignee_year', @k, '2025', @f, @to, @v)
                """, ("k", key), ("f", v2.Date(new DateOnly(2025, 1, 1))), ("to", v2.Date(new DateOnly(2025, 12, 31))), ("v", v2.Volume(total)));
            Entry("SO-1", "Lake Compute Limited", "LAKE COMPUTE LIMITED", 15_000_000m, "active");
            Entry("SO-2", "Lake Compute Ltd", "LAKE COMPUTE LTD", 10_000_000m, "active");
            Entry("SO-3", "Lake Compute Limited", "LAKE COMPUTE LIMITED", 4_000_000m, "replaced");
            Account("LAKE COMPUTE LIMITED", 15_000_000m);
            Account("LAKE COMPUTE LTD", 10_000_000m);
        }
        using (var migrated = Target.Open(write: true))
            Assert.Equal(LedgerMigrations.Latest, migrated.SchemaVersion);

        Assert.Equal(new Dictionary<(string, string, string), decimal> { [("consignee_year", "LAKECOMPUTELTD", "2025")] = 25_000_000m }, Totals());
        Assert.All(Entries(history: true), e => Assert.Equal(("LAKECOMPUTELTD", "LAKECOMPUTELTD"), (e.AccountKey, e.ConsigneeKey)));
        Assert.Equal(3, Entries(history: true).Count);
        AssertTotalsAreTheSumOfActiveEntries();
        // 25M before the batch: 1.9M more fits under 26.9M, 2M does not, however the consignee is spelt.
        var run = Run(Of(Row("SO-4", "1", "2025-09-01", 190, consignee: "LAKE COMPUTE LIMITED."), Row("SO-5", "1", "2025-09-02", 1, consignee: "Lake Compute Ltd.")), commit: false);
        Assert.Equal(("LICENSE_EXCEPTION", "LPP"), (run.Decisions[0][2], run.Decisions[0][3]));
        Assert.Equal(("LICENSE_REQUIRED", "A5"), (run.Decisions[1][2], run.Decisions[1][7]));
    }

    [LedgerFact]
    public void Migration4_KeysTheStoredConsigneesFromTheirNames_ReadingLookAlikesAsLatin_AndJoinsTheAccountsOfOneConsignee()
    {
        // A version 3 ledger: "Lаke Compute Ltd" with a Cyrillic а was a consignee apart from "Lake Compute Ltd", with a limit of its own.
        const string cyrillic = "L\u0430ke Compute Ltd", cyrillicKey = "L\u0410KECOMPUTELTD";
        using (var v3 = LedgerStore.Open(LedgerLocation.Parse(Target.Location), Target.Options, write: true, upTo: 3))
        {
            OlderEntry(v3, "SO-1", "1", cyrillic, cyrillicKey, 15_000_000m);
            OlderEntry(v3, "SO-2", "1", "Lake Compute Ltd", "LAKECOMPUTELTD", 10_000_000m);
            OlderEntry(v3, "SO-3", "1", cyrillic, cyrillicKey, 4_000_000m, status: "replaced");
            // The known corner: a Cyrillic І hid the legal form, and the key ran the words together.
            OlderEntry(v3, "SO-4", "1", "Acme L\u0406mited", "ACMEL\u0406MITED", 5_000_000m);
            OlderAccount(v3, cyrillicKey, 15_000_000m);
            OlderAccount(v3, "LAKECOMPUTELTD", 10_000_000m);
            OlderAccount(v3, "ACMEL\u0406MITED", 5_000_000m);
            OlderAccount(v3, "\u0391CME\u0392ANK", 0m); // an account a batch read and locked but never posted to
        }
        using (var migrated = Target.Open(write: true))
            Assert.Equal(LedgerMigrations.Latest, migrated.SchemaVersion);

        var totals = Totals();
        Assert.Equal(25_000_000m, totals[("consignee_year", "LAKECOMPUTELTD", "2025")]);
        Assert.Equal(5_000_000m, totals[("consignee_year", "ACMELTD", "2025")]); // from the name, not "ACMELIMITED"
        Assert.Equal(2, totals.Count);
        Assert.All(Entries(history: true), e => Assert.Equal(e.AccountKey, e.ConsigneeKey));
        Assert.Equal(["LAKECOMPUTELTD", "LAKECOMPUTELTD", "LAKECOMPUTELTD", "ACMELTD"], Entries(history: true).Select(e => e.ConsigneeKey));
        Assert.Equal(cyrillic, Entries(history: true)[0].Consignee); // the name stays as written
        AssertTotalsAreTheSumOfActiveEntries();
        using (var store = LedgerStore.Open(LedgerLocation.Parse(Target.Location), Target.Options, write: false))
            Assert.Equal(0L, Convert.ToInt64(store.Scalar("SELECT COUNT(*) FROM ledger_accounts WHERE account_key NOT IN ('LAKECOMPUTELTD', 'ACMELTD', 'ACMEBANK')"), System.Globalization.CultureInfo.InvariantCulture));

        // 25M before the batch: 1.9M more fits under 26.9M, 2M does not, in whichever script the consignee is spelt.
        var run = Run(Of(Row("SO-5", "1", "2025-09-01", 190, consignee: "LAKE COMPUTE LIMITED"), Row("SO-6", "1", "2025-09-02", 1, consignee: cyrillic)), commit: false);
        Assert.Equal(("LICENSE_EXCEPTION", "LPP"), (run.Decisions[0][2], run.Decisions[0][3]));
        Assert.Equal(("LICENSE_REQUIRED", "A5"), (run.Decisions[1][2], run.Decisions[1][7]));
        var acme = Run(Of(Row("SO-7", "1", "2025-09-01", 1, consignee: "Acme Limited")), commit: false);
        Assert.Equal(5_000_000m, acme.Report.Volumes.ConsigneeTotals.Single().Before);
    }

    [LedgerFact]
    public void Migration5_RecordsEachLineByItsNumber_AndTheIdCommittedLastCounts_AsIfCommittedAgain()
    {
        static DateTimeOffset On(int month) => new(2025, month, 1, 0, 0, 0, TimeSpan.Zero);
        // A version 4 ledger, where "01" and "1" were two lines of an order.
        using (var v4 = LedgerStore.Open(LedgerLocation.Parse(Target.Location), Target.Options, write: true, upTo: 4))
        {
            // SO-1: committed as "01" in March, then as "1" in June (the ERP stopped padding): June's commit counts.
            OlderEntry(v4, "SO-1", "01", "Lake Compute Ltd", "LAKECOMPUTELTD", 20_000_000m, run: "run-march", committed: On(3));
            OlderEntry(v4, "SO-1", "1", "Lake Compute Ltd", "LAKECOMPUTELTD", 5_000_000m, run: "run-june", committed: On(6));
            // SO-2: only ever "02".
            OlderEntry(v4, "SO-2", "02", "Lake Compute Ltd", "LAKECOMPUTELTD", 3_000_000m, run: "run-march", committed: On(3));
            // SO-3: "1" in March; "001" in March too, replaced in July by a commit after which it consumed nothing (held):
            // July's commit of the line is the last, and it would have ended March's "1" as well.
            OlderEntry(v4, "SO-3", "1", "Lake Compute Ltd", "LAKECOMPUTELTD", 1_000_000m, run: "run-march", committed: On(3));
            OlderEntry(v4, "SO-3", "001", "Lake Compute Ltd", "LAKECOMPUTELTD", 2_000_000m, status: "replaced", run: "run-feb", committed: On(2),
                endedAt: On(7), endedBy: "run-july");
            OlderAccount(v4, "LAKECOMPUTELTD", 29_000_000m);
            v4.Execute("INSERT INTO ledger_lines (order_id, line) VALUES ('SO-1', '01'), ('SO-1', '1'), ('SO-9', '007')");
        }
        using (var migrated = Target.Open(write: true))
            Assert.Equal(LedgerMigrations.Latest, migrated.SchemaVersion);

        var entries = Entries(history: true);
        Assert.Equal([("SO-1", "1"), ("SO-1", "1"), ("SO-2", "2"), ("SO-3", "1"), ("SO-3", "1")], entries.Select(e => (e.OrderId, e.Line)));
        Assert.Equal([LedgerEntryStatus.Replaced, LedgerEntryStatus.Active, LedgerEntryStatus.Active, LedgerEntryStatus.Replaced, LedgerEntryStatus.Replaced],
            entries.Select(e => e.Status));
        Assert.Equal(("run-june", "replaced by run run-june, which committed order SO-1 line 1 later as '1' (ledger migration 5: '01' and '1' are one line)"),
            (entries[0].EndedBy, entries[0].EndReason));
        Assert.Equal("run-july", entries[3].EndedBy);
        Assert.Equal(8_000_000m, Totals()[("consignee_year", "LAKECOMPUTELTD", "2025")]);
        AssertTotalsAreTheSumOfActiveEntries();
        using (var store = LedgerStore.Open(LedgerLocation.Parse(Target.Location), Target.Options, write: false))
        {
            using var command = store.Command("SELECT order_id, line FROM ledger_lines ORDER BY order_id, line");
            using var reader = command.ExecuteReader();
            var locks = new List<(string, string)>();
            while (reader.Read())
                locks.Add((reader.GetString(0), reader.GetString(1)));
            Assert.Equal([("SO-1", "1"), ("SO-9", "7")], locks);
        }

        // The line committed again, padded or not, replaces the one entry that counts.
        var again = Commit(Of(Row("SO-1", "001", "2025-03-01", 100)));
        Assert.Equal((1L, 1L), (again.Report.Ledger!.Commit!.Added, again.Report.Ledger.Commit.Replaced));
        Assert.Equal(4_000_000m, Totals()[("consignee_year", "LAKECOMPUTELTD", "2025")]);
    }

    [LedgerFact]
    public void Migration5_StopsWithoutChangingAnything_WhenOneRunCommittedTwoIdsOfALine_ThatBothCount()
    {
        var committed = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        using (var v4 = LedgerStore.Open(LedgerLocation.Parse(Target.Location), Target.Options, write: true, upTo: 4))
        {
            OlderEntry(v4, "SO-4", "1", "Lake Compute Ltd", "LAKECOMPUTELTD", 1_000_000m, run: "run-both", committed: committed);
            OlderEntry(v4, "SO-4", "01", "Lake Compute Ltd", "LAKECOMPUTELTD", 2_000_000m, run: "run-both", committed: committed);
            OlderEntry(v4, "SO-5", "05", "Lake Compute Ltd", "LAKECOMPUTELTD", 4_000_000m, run: "run-both", committed: committed);
            OlderAccount(v4, "LAKECOMPUTELTD", 7_000_000m);
        }
        var e = Assert.Throws<LedgerException>(() => Target.Open(write: true));
        Assert.Equal(LedgerErrorCodes.LineConflict, e.Code);
        Assert.Contains("order SO-4 line 1: '01' and '1' (run run-both)", e.Message);
        Assert.True(LedgerErrorCodes.IsUsage(e.Code));
        using var store = LedgerStore.Open(LedgerLocation.Parse(Target.Location), Target.Options, write: false, upTo: 4);
        Assert.Equal(4, store.SchemaVersion);
        Assert.Equal(["1", "01", "05"], Lines(store));

        static List<string> Lines(LedgerStore store)
        {
            using var command = store.Command("SELECT line FROM ledger_entries ORDER BY entry_id");
            using var reader = command.ExecuteReader();
            var lines = new List<string>();
            while (reader.Read())
                lines.Add(reader.GetString(0));
            return lines;
        }
    }

    [LedgerFact]
    public void ACommittedRun_RecordsTheLedgerInItsReportAndAuditLog_AndVerifiesWithoutIt()
    {
        Commit(Of(Row("SO-1", "1", "2025-03-01", 2000)));
        var run = Commit(Of(Row("SO-2", "1", "2025-06-01", 690)));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Out, "report.json")));
        var ledger = json.RootElement.GetProperty("ledger");
        Assert.Equal(Target.Kind == LedgerStoreKind.Sqlite ? "sqlite" : "postgresql", ledger.GetProperty("store").GetString());
        Assert.True(ledger.GetProperty("committed").GetBoolean());
        Assert.Equal(1, ledger.GetProperty("entries_added").GetInt32());
        Assert.DoesNotContain("Password", ledger.GetProperty("location").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"committed\":true", File.ReadAllText(Path.Combine(run.Out, "audit-log.jsonl")));
        // verify re-screens from the volumes report.json recorded, so the ledger moving on does not break it.
        Commit(Of(Row("SO-3", "1", "2025-07-01", 100)));
        var result = new RunVerifier(TimeProvider.System).Verify(run.Out, Repo.Rules);
        Assert.True(result.Holds, string.Join("\n", result.Failures));
    }

    // ---- helpers ----

    private static OrderLine[] Lines(params string[] rows) => [.. global::ChipScreen.Orders.OrderCsvReader.FromText(Of(rows)).ReadLines()];

    private static async IAsyncEnumerable<OrderLine> Stream(OrderLine[] lines)
    {
        foreach (var line in lines)
        {
            await Task.Yield();
            yield return line;
        }
    }

    /// <summary>The in-process service as of <see cref="AsOf"/>, reading <paramref name="ledger"/> (none when null).</summary>
    private static ServiceProvider Service(string? ledger) => new ServiceCollection().AddChipScreen(o =>
    {
        o.RulesDirectory = Repo.Rules;
        o.PackId = "ai-diffusion-2025";
        o.AsOf = AsOf;
        o.Ledger = ledger;
    }).BuildServiceProvider();

    private protected sealed record Screened(RunReport Report, IReadOnlyList<string[]> Decisions, string Out);

    private protected Screened Commit(string csv, LedgerOptions? options = null) => Run(csv, commit: true, options);

    private protected Screened Run(string csv, bool commit, LedgerOptions? options = null)
    {
        var name = $"run{Interlocked.Increment(ref _runs)}";
        var orders = _dir.Write(name + ".csv", csv);
        var request = new RunRequest(orders, Repo.Rules, null, AsOf, _dir.File(name), null, options ?? Target.Options, commit);
        var report = new FileScreening(TimeProvider.System).Run(request, Screen.Pack);
        var decisions = File.ReadAllLines(Path.Combine(_dir.File(name), "decisions.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        return new Screened(report, decisions, _dir.File(name));
    }

    /// <summary>Writes an entry into a ledger of an older schema, as the ChipScreen of that schema did.</summary>
    private protected static void OlderEntry(LedgerStore store, string order, string line, string consignee, string key, decimal volume,
        string status = "active", string run = "run-old", DateTimeOffset? committed = null, DateTimeOffset? endedAt = null, string? endedBy = null) => store.Execute("""
            INSERT INTO ledger_entries (order_id, line, account, account_key, period, volume, consignee, consignee_key, destination, ship_date,
                decision, exception, run_id, committed_at, status, ended_at, ended_by)
            VALUES (@o, @l, 'consignee_year', @k, '2025', @v, @c, @k, 'IN', @d, 'LICENSE_EXCEPTION', 'LPP', @r, @t, @s, @ea, @eb)
            """, ("o", order), ("l", line), ("k", key), ("v", store.Volume(volume)), ("c", consignee), ("d", store.Date(new DateOnly(2025, 3, 1))),
            ("r", run), ("t", store.Time(committed ?? new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero))), ("s", status),
            ("ea", endedAt is { } at ? store.Time(at) : null), ("eb", endedBy));

    /// <summary>Writes a consignee's 2025 account into a ledger of an older schema.</summary>
    private protected static void OlderAccount(LedgerStore store, string key, decimal total) => store.Execute("""
        INSERT INTO ledger_accounts (account, account_key, period, period_from, period_to, total)
        VALUES ('consignee_year', @k, '2025', @f, @to, @v)
        """, ("k", key), ("f", store.Date(new DateOnly(2025, 1, 1))), ("to", store.Date(new DateOnly(2025, 12, 31))), ("v", store.Volume(total)));

    private protected Dictionary<(string, string, string), decimal> Totals() => Target.Totals();

    /// <summary>Runs a statement on the ledger as another tool would, outside ChipScreen.</summary>
    private protected void Execute(string sql)
    {
        using var store = LedgerStore.Open(LedgerLocation.Parse(Target.Location), Target.Options, write: true);
        store.Execute(sql);
    }

    private protected List<LedgerEntry> Entries(bool history) => Target.Entries(history);

    private protected void AssertTotalsAreTheSumOfActiveEntries()
    {
        using var ledger = Target.Open();
        var sums = ledger.Entries(LedgerQuery.All).GroupBy(e => (e.Account, e.AccountKey, e.Period)).ToDictionary(g => g.Key, g => g.Sum(e => e.Volume));
        foreach (var account in ledger.Accounts(LedgerQuery.All))
            Assert.Equal(sums.GetValueOrDefault((account.Account, account.Key, account.Period)), account.Total);
    }

    public void Dispose()
    {
        if (_target.IsValueCreated)
            _target.Value.Dispose();
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }
}
