using ChipScreen.Volumes;

namespace ChipScreen.Ledger;

/// <summary>The durable ledger of committed volumes (LPP per consignee and year, licensed volume per country and
/// allocation period) that every batch counts after: the public entry to a ledger store.</summary>
/// <remarks>
/// One instance holds one connection; not thread-safe. Open one per run or per command and dispose it. Screening stays
/// pure: runs read the ledger through an <see cref="IVolumeBaseline"/> and commit what their final decisions consumed.
/// </remarks>
public sealed class VolumeLedger : IDisposable
{
    private readonly LedgerStore _store;
    private readonly TimeProvider _time;

    private VolumeLedger(LedgerStore store, LedgerOptions options, TimeProvider time)
    {
        _store = store;
        _time = time;
        Options = options;
    }

    /// <summary>The options it was opened with.</summary>
    public LedgerOptions Options { get; }

    /// <summary>Where it is.</summary>
    public LedgerLocation Location => _store.Location;

    /// <summary>Its schema version.</summary>
    public int SchemaVersion => _store.SchemaVersion;

    /// <summary>Opens a ledger. With <paramref name="write"/>, a missing SQLite file or PostgreSQL schema is created and
    /// an older schema migrated; without it, the ledger must exist (so a mistyped path never reads as an empty ledger).</summary>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    /// <exception cref="LedgerException">The ledger cannot be opened (see <see cref="LedgerException.Code"/>).</exception>
    public static VolumeLedger Open(LedgerOptions options, TimeProvider time, bool write) => Open(options, time, write, create: write);

    /// <summary>Opens a ledger. With <paramref name="write"/>, an older schema is migrated, and with
    /// <paramref name="create"/> too, a missing SQLite file or PostgreSQL schema is created; otherwise the ledger must
    /// exist (so a mistyped path is never taken for an empty ledger, nor written as a new one).</summary>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    /// <exception cref="LedgerException">The ledger cannot be opened (see <see cref="LedgerException.Code"/>;
    /// <see cref="LedgerErrorCodes.Missing"/> when it does not exist and may not be created).</exception>
    public static VolumeLedger Open(LedgerOptions options, TimeProvider time, bool write, bool create)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var location = LedgerLocation.Parse(options.Location);
        var problems = options.Validate();
        if (problems.Count > 0)
            throw new ArgumentException("ledger options: " + string.Join("; ", problems), nameof(options));
        return new VolumeLedger(LedgerStore.Open(location, options, write, create: write && create), options, time);
    }

    /// <summary>Account totals (accounts with active entries), filtered, in key order.</summary>
    public IReadOnlyList<LedgerAccountTotal> Accounts(LedgerQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _store.Guard(() => _store.Accounts(query));
    }

    /// <summary>Entries, filtered, in commit order; history (replaced, voided) when the query asks for it. Streams.</summary>
    public IEnumerable<LedgerEntry> Entries(LedgerQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var entries = _store.Entries(query).GetEnumerator();
        while (true)
        {
            if (!_store.Guard(entries.MoveNext))
                yield break;
            yield return entries.Current;
        }
    }

    /// <summary>How many active entries an order has, or one line of it (known by its number: "01" is line 1).</summary>
    public long ActiveEntries(string orderId, string? line)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        var id = line is null ? null : LineIds.Of(line);
        return _store.Guard(() => _store.ActiveEntries(orderId, id));
    }

    /// <summary>Voids the active entries of an order, or of one line of it (known by its number: "01" is line 1): they stop
    /// counting and stay as history with the reason.</summary>
    /// <returns>How many entries were voided.</returns>
    /// <exception cref="LedgerException">With <see cref="LedgerErrorCodes.NothingToVoid"/> when no active entry matches.</exception>
    public int Void(string orderId, string? line, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        var result = Void([new LedgerVoidTarget(orderId, line)], reason);
        return result.Found.Count > 0
            ? result.Voided
            : throw new LedgerException(LedgerErrorCodes.NothingToVoid, $"ledger {Location} has no active entry for {orderId}{(line is null ? "" : ":" + line)}");
    }

    /// <summary>Voids the active entries of whichever of <paramref name="targets"/> has any, when exactly one has: the
    /// readings of one id, say (<c>2025:10</c> is the whole order "2025:10", or line 10 of order "2025"). Which targets
    /// have active entries is read in the same transaction as the void, with commits held off until it ends, so the
    /// answer cannot change between the look and the write.</summary>
    /// <returns>The targets found with active entries, and the entries voided (none when no target, or more than one,
    /// has active entries: then nothing is voided and the caller says which to name).</returns>
    public LedgerVoidResult Void(IReadOnlyList<LedgerVoidTarget> targets, string reason)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        foreach (var target in targets)
            ArgumentException.ThrowIfNullOrWhiteSpace(target?.OrderId, nameof(targets));
        var ids = targets.Select(t => (t.OrderId, t.Line is null ? null : LineIds.Of(t.Line))).ToList();
        var (found, voided) = _store.Guard(() => _store.Void(ids, reason, _time.GetUtcNow()));
        return new LedgerVoidResult([.. found.Select(f => (targets[f.Target], f.Entries))], voided);
    }

    /// <summary>Starts screening a batch against the ledger (see <see cref="LedgerBatch"/>).</summary>
    internal LedgerBatch BeginBatch(VolumeLimits limits, bool commit) => new(_store, limits, commit, _time);

    /// <inheritdoc />
    public void Dispose() => _store.Dispose();
}
