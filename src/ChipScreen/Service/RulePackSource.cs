using ChipScreen.Rules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChipScreen.Service;

/// <summary>The <see cref="IRulePackSource"/> of a rules directory: loads the pack at start, reloads it when the files
/// change (when <see cref="ChipScreenOptions.ReloadOnChange"/>), and swaps a valid new pack in whole.</summary>
/// <remarks>
/// The swap is one reference write: a reader sees either the old prepared pack or the new one, never a mixture.
/// Reloads are serialized under a lock; readers never take it (except to switch to the pack in force when the as-of
/// date moves past the current pack's dates).
/// </remarks>
internal sealed partial class RulePackSource : IRulePackSource, IDisposable
{
    private readonly ChipScreenOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _reloadLock = new();
    private readonly RulesDirectoryWatcher? _watcher;
    private PreparedPack _current;
    private PackReload? _lastReload;
    private DateOnly _inForceTriedFor;

    /// <summary>The pack in force (or named) on <paramref name="asOf"/>, with the configured extra lists.</summary>
    private RulePack Load(DateOnly asOf)
    {
        var pack = RulePackLoader.Load(_options.RulesDirectory, _options.PackId, asOf);
        return _options.PartyLists.Count == 0 ? pack : pack.WithPartyLists(Parties.PartyListReader.Read([.. _options.PartyLists]));
    }

    /// <summary>Loads the pack; a pack or list that cannot be used throws.</summary>
    public RulePackSource(IOptions<ChipScreenOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        _options = options.Value;
        _time = time;
        _logger = loggers.CreateLogger("ChipScreen.Rules");
        var asOf = _options.AsOfDate(time);
        try
        {
            _current = new PreparedPack(Load(asOf), time.GetUtcNow(), _options.DegreeOfParallelism);
        }
        catch (RulePackException e)
        {
            LogStartFailed(e.Errors.Count, Describe(e.Errors));
            throw;
        }
        LogLoaded(_current.Identity.ToString(), asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (_current.Pack.Manifest.WarningOn(asOf) is { } warning)
            LogNamedNotInForce(warning);
        if (_options.ReloadOnChange)
        {
            _watcher = new RulesDirectoryWatcher(_options.RulesDirectory, _options.ReloadDebounce, time, OnRulesChanged, _logger);
            LogWatching(_options.ReloadDebounce.TotalMilliseconds);
        }
    }

    public event EventHandler<PackIdentity>? Changed;

    public PreparedPack Current => Volatile.Read(ref _current);

    public PackStatus Status
    {
        get
        {
            var current = Current;
            var manifest = current.Pack.Manifest;
            return new PackStatus(current.Identity, current.LoadedAt, manifest.EffectiveFrom, manifest.EffectiveTo, _options.ReloadOnChange, Volatile.Read(ref _lastReload));
        }
    }

    public PreparedPack For(DateOnly asOf)
    {
        var current = Current;
        if (_options.PackId is not null ? current.Pack.Countries.SameOn(asOf) : current.Pack.Serves(asOf))
            return current;
        PackReload? reload = null;
        lock (_reloadLock)
        {
            // Try once per as-of date, so that a day with no pack in force does not reload on every call.
            if (!(_options.PackId is not null ? _current.Pack.Countries.SameOn(asOf) : _current.Pack.Serves(asOf)) && _inForceTriedFor != asOf)
            {
                _inForceTriedFor = asOf;
                LogNotInForce(_current.Identity.ToString(), asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                reload = ReloadLocked(asOf);
            }
        }
        Raise(reload);
        return Current;
    }

    public PackReload Reload()
    {
        PackReload reload;
        lock (_reloadLock)
            reload = ReloadLocked(_options.AsOfDate(_time));
        Raise(reload);
        return reload;
    }

    private PackReload ReloadLocked(DateOnly asOf)
    {
        var at = _time.GetUtcNow();
        var current = _current;
        PackReload result;
        try
        {
            var pack = Load(asOf);
            if (pack.Revision == current.Pack.Revision)
            {
                result = new PackReload(at, PackReloadOutcome.Unchanged, current.Identity, []);
                LogUnchanged(current.Identity.ToString());
            }
            else
            {
                var next = new PreparedPack(pack, at, _options.DegreeOfParallelism);
                Volatile.Write(ref _current, next);
                result = new PackReload(at, PackReloadOutcome.Loaded, next.Identity, []);
                LogReloaded(next.Identity.ToString(), current.Identity.ToString());
            }
        }
        catch (RulePackException e)
        {
            result = new PackReload(at, PackReloadOutcome.Rejected, current.Identity, e.Errors);
            LogRejected(e.Errors.Count, current.Identity.ToString(), Describe(e.Errors));
        }
        catch (Parties.PartyListException e)
        {
            var error = new PackError(e.File, null, null, null, PackErrorCodes.PartyListInvalid, e.Message);
            result = new PackReload(at, PackReloadOutcome.Rejected, current.Identity, [error]);
            LogRejected(1, current.Identity.ToString(), error.ToString());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var error = new PackError(".", null, null, null, PackErrorCodes.FileUnreadable, $"the rules could not be read: {e.Message}");
            result = new PackReload(at, PackReloadOutcome.Rejected, current.Identity, [error]);
            LogRejected(1, current.Identity.ToString(), error.ToString());
        }
        Volatile.Write(ref _lastReload, result);
        return result;
    }

    private void Raise(PackReload? reload)
    {
        if (reload is { Outcome: PackReloadOutcome.Loaded })
            Changed?.Invoke(this, reload.Serving);
    }

    private void OnRulesChanged()
    {
        try
        {
            Reload();
        }
        catch (Exception e)
        {
            // A timer thread must not throw: the last good pack keeps serving.
            LogReloadFailed(e);
        }
    }

    private static string Describe(IReadOnlyList<PackError> errors) => string.Join("; ", errors.Select(e => e.ToString()));

    public void Dispose() => _watcher?.Dispose();

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Rule pack {Pack} loaded for as-of {AsOf}")]
    private partial void LogLoaded(string pack, string asOf);

    [LoggerMessage(EventId = 2, Level = LogLevel.Critical, Message = "The rule pack cannot be used ({Count} errors): {Errors}")]
    private partial void LogStartFailed(int count, string errors);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Watching the rules directory; packs reload {DebounceMs} ms after the last change")]
    private partial void LogWatching(double debounceMs);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Rule pack {Pack} now serves, replacing {Previous}")]
    private partial void LogReloaded(string pack, string previous);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "The rules changed on disk but give the same revision; {Pack} keeps serving")]
    private partial void LogUnchanged(string pack);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Rejected the edited rules ({Count} errors); {Pack} keeps serving: {Errors}")]
    private partial void LogRejected(int count, string pack, string errors);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "Reloading the rules failed unexpectedly; the last good pack keeps serving")]
    private partial void LogReloadFailed(Exception exception);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Rule pack {Pack} is not in force on {AsOf}; loading the pack in force")]
    private partial void LogNotInForce(string pack, string asOf);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "PackId names a pack out of force: {Warning}")]
    private partial void LogNamedNotInForce(string warning);
}
