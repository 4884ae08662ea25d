using System.Runtime.InteropServices;

namespace ChipScreen.Cli;

/// <summary>Turns the first Ctrl+C (SIGINT) or SIGTERM into a cancellation, so that a command that writes files stops
/// between steps and removes what it had not finished (the CLI then exits 130); a second signal ends the process at
/// once, as usual.</summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public Interruption()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _stop.Token;

    private void Stop(PosixSignalContext signal)
    {
        if (_stop.IsCancellationRequested)
            return;
        signal.Cancel = true;
        _stop.Cancel();
    }

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _stop.Dispose();
    }
}
