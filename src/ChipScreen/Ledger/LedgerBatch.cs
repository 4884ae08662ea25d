using System.Diagnostics;
using ChipScreen.Orders;
using ChipScreen.Volumes;

namespace ChipScreen.Ledger;

/// <summary>One batch screened against the ledger: its baseline, and the commit of what it consumed.</summary>
/// <remarks>
/// <para>Order of use, each step once: <see cref="AddLine"/> for every line during the screener's first pass;
/// <see cref="Baseline"/> (asked by the planner once the pass is done); <see cref="EndPlan"/>; then, to commit,
/// <see cref="Add"/> for every decided line and <see cref="Commit"/>.</para>
/// <para>The baseline is what the ledger holds minus the batch's own earlier entries (a line committed again replaces
/// its entry, so it must not count against itself; a line is known by its number, so "01" is the entry of "1"), read in one snapshot. Only a line whose id was given is the same
/// line as an entry: a row numbered by its position within its order leaves nothing out (it counts on top of everything
/// the ledger holds), and a batch that commits may hold no such row, since a position is not stable across exports. The commit locks every account the batch read
/// or writes, checks that the totals it screened against still hold, and otherwise screens the batch again under the
/// lock (the caller's <c>redecide</c>) before writing: a line that lost a race is re-decided, never passed on stale
/// volumes. Not thread-safe.</para>
/// </remarks>
internal sealed class LedgerBatch : IDisposable, IVolumeBaseline
{
    private const int MaxLockRounds = 16;

    private readonly LedgerStore _store;
    private readonly VolumeLimits _limits;
    private readonly bool _commit;
    private readonly TimeProvider _time;
    private LedgerStore.Scope? _snapshot;
    private LedgerStore.RowWriter? _lines;
    private LedgerStore.RowWriter? _postings;
    private Dictionary<LedgerAccountKey, decimal>? _own;
    private Dictionary<LedgerAccountKey, decimal>? _prefetched;
    private readonly List<(long Row, string OrderId)> _unnumbered = [];
    private long _unnumberedRows;
    private bool _disposed;

    public LedgerBatch(LedgerStore store, VolumeLimits limits, bool commit, TimeProvider time)
    {
        _store = store;
        _limits = limits;
        _commit = commit;
        _time = time;
        store.Guard(() =>
        {
            store.CreateStaging();
            _snapshot = store.Snapshot();
            _lines = store.StageLines();
        });
    }

    /// <summary>The volumes already used, as this batch must count them.</summary>
    public IVolumeBaseline Baseline => this;

    /// <summary>Records one of the batch's lines (its order id and line number, as decided, and whether the number was
    /// given rather than the row's position within its order), in row order. The line is staged by its number
    /// (<see cref="LineIds"/>), so "01" leaves out, replaces and duplicates a committed or staged "1".</summary>
    public void AddLine(long row, string orderId, string line, bool lineGiven)
    {
        if (_lines is null)
            throw new InvalidOperationException("lines are added during the first pass, before the baseline is read");
        if (!lineGiven)
        {
            // "SO-7" row 1 is not necessarily the committed SO-7:1: staging it would leave that entry out of the baseline
            // (and a commit would replace it). Fail closed: count the row on top, and never commit it.
            if (_unnumbered.Count < 5)
                _unnumbered.Add((row, orderId));
            _unnumberedRows++;
            return;
        }
        var writer = _lines;
        var id = LineIds.Of(line); // "01" is line 1: the same line as a committed "1"
        _store.Guard(() => writer.Write(orderId, id, row));
    }

    decimal IVolumeBaseline.ConsigneeYear(string consigneeKey, int year) =>
        Read(new LedgerAccountKey(VolumeAccount.ConsigneeYear, consigneeKey, year.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    decimal IVolumeBaseline.CountryAllocation(string country, string period) =>
        Read(new LedgerAccountKey(VolumeAccount.CountryAllocation, country, period));

    void IVolumeBaseline.Prefetch(IReadOnlyCollection<(string ConsigneeKey, int Year)> consigneeYears, IReadOnlyCollection<(string Country, string Period)> countryPeriods) =>
        _store.Guard(() =>
        {
            EndLines();
            var keys = consigneeYears.Select(c => new LedgerAccountKey(VolumeAccount.ConsigneeYear, c.ConsigneeKey, c.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Concat(countryPeriods.Select(c => new LedgerAccountKey(VolumeAccount.CountryAllocation, c.Country, c.Period)))
                .ToList();
            var totals = _store.Totals(keys);
            _prefetched = keys.ToDictionary(k => k, k => totals.GetValueOrDefault(k));
        });

    /// <summary>Ends the first pass: the baseline's snapshot closes; with a commit to come, decided lines may be added.</summary>
    public void EndPlan() => _store.Guard(() =>
    {
        EndLines();
        _snapshot?.Commit();
        _snapshot?.Dispose();
        _snapshot = null;
        if (_commit)
            _postings = _store.StagePostings();
    });

    /// <summary>Records what a decided line consumes (nothing for most lines).</summary>
    public void Add(long row, LedgerPosting[] postings)
    {
        if (postings.Length == 0)
            return;
        var writer = _postings ?? throw new InvalidOperationException("postings are added after EndPlan, on a batch that commits");
        _store.Guard(() =>
        {
            foreach (var posting in postings)
                _store.WritePosting(writer, row, posting);
        });
    }

    /// <summary>Commits the batch: see the remarks of the type.</summary>
    /// <param name="run">The run, for <c>ledger_runs</c>.</param>
    /// <param name="screened">The volume plan of the screening whose postings were added.</param>
    /// <param name="redecide">Screens the batch again with the given baseline (the totals under lock), adding its
    /// postings anew with <see cref="Add"/> (the earlier ones are dropped first), and returns its plan.</param>
    public LedgerCommitResult Commit(LedgerRunRecord run, VolumePlan screened, Func<IVolumeBaseline, VolumePlan> redecide)
    {
        if (!_commit || _postings is null)
            throw new InvalidOperationException("this batch does not commit, or EndPlan was not called");
        CommitHooks.BeforeCommit();
        var clock = Stopwatch.StartNew();
        _store.Guard(EndPostings);
        var mustRedecide = false;
        var redecided = false;
        for (var attempt = 1; ; attempt++)
        {
            var redecidedNow = false;
            try
            {
                return _store.Guard(() =>
                {
                    using var scope = _store.Write();
                    _store.LockLines(); // first the lines, then the accounts: every commit locks in this order
                    var locked = new Dictionary<LedgerAccountKey, LedgerAccountRow>();
                    Dictionary<LedgerAccountKey, decimal> before = [];
                    for (var round = 0; ; round++)
                    {
                        if (round == MaxLockRounds)
                            throw new LedgerException(LedgerErrorCodes.CommitConflict, $"ledger {_store.Location}: the accounts of run {run.RunId} kept changing while it locked them");
                        var wanted = AccountsOf(screened).Concat(_store.WrittenAccounts()).Where(a => !locked.ContainsKey(a.Key)).ToList();
                        if (wanted.Count > 0 || round == 0)
                        {
                            foreach (var a in wanted)
                                locked[a.Key] = a;
                            before = _store.LockAccounts(locked.Values);
                        }
                        var own = _store.OwnVolumes();
                        if (own.Keys.Any(k => !locked.ContainsKey(k)))
                            continue; // a concurrent commit moved one of our lines before we locked its account
                        var baseline = before.ToDictionary(kv => kv.Key, kv => kv.Value - own.GetValueOrDefault(kv.Key));
                        if (!mustRedecide && Holds(screened, baseline))
                            break;
                        // Another commit changed what this batch screened against: decide it again under the lock.
                        _store.ClearPostings();
                        _postings = _store.StagePostings();
                        screened = redecide(new LockedBaseline(baseline));
                        _store.Guard(EndPostings);
                        redecided = redecidedNow = true;
                        mustRedecide = false;
                    }

                    var now = _time.GetUtcNow();
                    var (added, replaced, unchanged, after) = _store.Apply(run.RunId, now);
                    CheckLimits(before, after, run.RunId);
                    _store.RecordRun(run.RunId, now, run.ToolVersion, run.PackId, run.PackRevision, run.AsOf, run.InputSha256, run.Lines,
                        added, replaced, unchanged, redecided);
                    CommitHooks.InsideTransaction();
                    scope.Commit();
                    return new LedgerCommitResult(added, replaced, unchanged, attempt, redecided, clock.Elapsed);
                });
            }
            catch (LedgerException e) when (e.Code == LedgerErrorCodes.CommitConflict && e.InnerException is { } inner && _store.IsTransient(inner) && attempt < _store.Options.CommitAttempts)
            {
                // The transaction rolled back, staging included: the postings are again the first screening's, while the
                // outputs may hold a re-decided one. Decide again in the next attempt so the two agree.
                mustRedecide |= redecidedNow;
                AbandonPostings();
                Thread.Sleep(Random.Shared.Next(20, 200) * attempt);
            }
        }
    }

    private decimal Read(LedgerAccountKey key) => _store.Guard(() =>
    {
        EndLines();
        var total = _prefetched is not null && _prefetched.TryGetValue(key, out var known) ? known : _store.Total(key);
        return total - _own!.GetValueOrDefault(key);
    });

    private void EndLines()
    {
        if (_lines is null)
            return;
        _lines.Complete();
        _lines.Dispose();
        _lines = null;
        _store.FinishLines();
        if (_commit && _unnumberedRows > 0)
        {
            throw new OrderFileException("a committed batch needs each row's line id, but " +
                string.Join(", ", _unnumbered.Select(u => $"row {u.Row} (order {u.OrderId})")) +
                (_unnumberedRows > _unnumbered.Count ? $" and {_unnumberedRows - _unnumbered.Count} more row{(_unnumberedRows - _unnumbered.Count == 1 ? "" : "s")}" : "") +
                $" {(_unnumberedRows == 1 ? "has" : "have")} none: a line numbered by its position within its order is not the same line in another export, " +
                "so its entry could replace or be replaced by another line's; give every row its line in the 'line' column, or screen without --commit");
        }
        if (_commit)
        {
            var duplicates = _store.DuplicateLines(5);
            if (duplicates.Count > 0)
                throw new OrderFileException("a committed batch needs each order line once, but " +
                    string.Join("; ", duplicates.Select(d => $"order {d.OrderId} line {d.Line} appears {d.Count} times (rows {d.FirstRow} to {d.LastRow})")) +
                    ": give the rows distinct line numbers (a line is known by its number: 01 and 1 are one line)");
        }
        _own = _store.OwnVolumes();
    }

    private void EndPostings()
    {
        if (_postings is null)
            return;
        _postings.Complete();
        _postings.Dispose();
        _postings = null;
        _store.FinishPostings();
    }

    /// <summary>Drops a bulk load of postings that a failed attempt left open (its rows went with the rollback).</summary>
    private void AbandonPostings()
    {
        try
        {
            _postings?.Dispose();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The load was cancelled with the transaction.
        }
        _postings = null;
    }

    private IEnumerable<LedgerAccountRow> AccountsOf(VolumePlan plan)
    {
        foreach (var t in plan.ConsigneeTotals)
        {
            var year = int.Parse(t.Period, System.Globalization.CultureInfo.InvariantCulture);
            yield return new LedgerAccountRow(new LedgerAccountKey(VolumeAccount.ConsigneeYear, t.Key, t.Period), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }
        foreach (var t in plan.CountryTotals)
        {
            var period = _limits.AllocationPeriods.First(p => p.Id == t.Period);
            yield return new LedgerAccountRow(new LedgerAccountKey(VolumeAccount.CountryAllocation, t.Key, t.Period), period.From, period.To);
        }
    }

    private static bool Holds(VolumePlan plan, Dictionary<LedgerAccountKey, decimal> baseline) =>
        plan.ConsigneeTotals.All(t => baseline.GetValueOrDefault(new LedgerAccountKey(VolumeAccount.ConsigneeYear, t.Key, t.Period)) == t.Before)
        && plan.CountryTotals.All(t => baseline.GetValueOrDefault(new LedgerAccountKey(VolumeAccount.CountryAllocation, t.Key, t.Period)) == t.Before);

    /// <summary>Fails closed if the commit would take an account past its limit (beyond where it already was).</summary>
    private void CheckLimits(Dictionary<LedgerAccountKey, decimal> before, Dictionary<LedgerAccountKey, decimal> after, string runId)
    {
        foreach (var (key, total) in after)
        {
            var limit = key.Account == VolumeAccount.ConsigneeYear ? _limits.ConsigneeYearLimit : _limits.AllocationLimit;
            if (total > limit && total > before.GetValueOrDefault(key))
                throw new LedgerException(LedgerErrorCodes.LimitExceeded,
                    $"ledger {_store.Location}: run {runId} would take {key.Account.Name()} {key.Key} {key.Period} to {total:N0} TPP, past its limit of {limit:N0}; nothing was committed");
        }
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        try
        {
            _lines?.Dispose();
            _postings?.Dispose();
            _snapshot?.Dispose();
            _store.DropStaging();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Temporary tables go with the connection.
        }
    }

    /// <summary>The totals under the commit's lock, minus the batch's own entries.</summary>
    private sealed class LockedBaseline(Dictionary<LedgerAccountKey, decimal> totals) : IVolumeBaseline
    {
        public decimal ConsigneeYear(string consigneeKey, int year) =>
            Get(new LedgerAccountKey(VolumeAccount.ConsigneeYear, consigneeKey, year.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        public decimal CountryAllocation(string country, string period) => Get(new LedgerAccountKey(VolumeAccount.CountryAllocation, country, period));

        // The accounts a batch reads do not depend on the volumes (only which lines depend on them does), so a second
        // screening asks for the same accounts the first did, all locked. Anything else is a defect: fail closed.
        private decimal Get(LedgerAccountKey key) => totals.TryGetValue(key, out var total)
            ? total
            : throw new InvalidOperationException($"the re-screening asked for {key.Account.Name()} {key.Key} {key.Period}, which the commit did not lock");
    }
}
