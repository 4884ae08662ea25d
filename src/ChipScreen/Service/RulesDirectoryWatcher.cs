using Microsoft.Extensions.Logging;

namespace ChipScreen.Service;

/// <summary>Calls back once the rules directory has been quiet for the debounce time after a change to a JSON file.</summary>
/// <remarks>Each change restarts the quiet period, so an edit that writes several files (or one file in several writes)
/// causes one reload. A watcher overflow counts as a change.</remarks>
internal sealed partial class RulesDirectoryWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly ITimer _timer;
    private readonly TimeSpan _debounce;
    private readonly ILogger _logger;
    private volatile bool _disposed;

    public RulesDirectoryWatcher(string directory, TimeSpan debounce, TimeProvider time, Action onQuiet, ILogger logger)
    {
        _debounce = debounce;
        _logger = logger;
        _timer = time.CreateTimer(_ => { if (!_disposed) onQuiet(); }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(Path.GetFullPath(directory))
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += (_, e) => Poke(e.FullPath);
        _watcher.Created += (_, e) => Poke(e.FullPath);
        _watcher.Deleted += (_, e) => Poke(e.FullPath);
        _watcher.Renamed += (_, e) => { Poke(e.OldFullPath); Poke(e.FullPath); };
        _watcher.Error += (_, e) =>
        {
            LogWatcherError(e.GetException());
            Restart();
        };
        _watcher.EnableRaisingEvents = true;
    }

    private void Poke(string path)
    {
        // Pack files are JSON; a folder (no extension) may hold them. Editor swap and backup files are not.
        var extension = Path.GetExtension(path);
        if (extension.Length == 0 || extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
            Restart();
    }

    private void Restart()
    {
        try
        {
            if (!_disposed)
                _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // disposed between the check and the call: nothing to reload any more
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _watcher.Dispose();
        _timer.Dispose();
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "The rules directory watcher reported an error; reloading to be safe")]
    private partial void LogWatcherError(Exception exception);
}
