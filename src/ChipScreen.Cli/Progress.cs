using System.Diagnostics;
using System.Globalization;

namespace ChipScreen.Cli;

/// <summary>Shows "screened N lines" on stderr while a long batch runs, only when stderr is a terminal.</summary>
internal sealed class Progress : IProgress<long>, IDisposable
{
    private readonly TextWriter _writer;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastShown = -1;
    private bool _shown;

    private Progress(TextWriter writer) => _writer = writer;

    public static Progress? ForTerminal(TextWriter stderr) =>
        ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? new Progress(stderr) : null;

    public void Report(long value)
    {
        // Short batches finish before anyone could read a progress line.
        if (_clock.ElapsedMilliseconds < 500 || _clock.ElapsedMilliseconds - _lastShown < 200)
            return;
        _lastShown = _clock.ElapsedMilliseconds;
        _shown = true;
        var rate = value / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        _writer.Write(string.Create(CultureInfo.InvariantCulture, $"\rscreened {value:N0} lines ({rate:N0} lines/s)   "));
    }

    public void Dispose()
    {
        if (_shown)
            _writer.WriteLine();
    }
}
