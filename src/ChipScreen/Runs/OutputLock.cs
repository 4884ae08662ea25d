using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ChipScreen.Runs;

/// <summary>Keeps other runs out of an output directory while a run writes it; the operating system releases the lock
/// when the run ends, however it ends.</summary>
/// <remarks>
/// <para>Two runs into one directory would write the same temporary files, and each would record in the audit log the
/// hashes of outputs the other then overwrote: a run that looks tampered with.</para>
/// <para>On Linux and macOS the lock is <c>flock</c> on the directory itself, so nothing is written for it and nothing
/// is left behind. On Windows it is a file in the directory, open without sharing and deleted when closed
/// (<see cref="WindowsFileName"/>).</para>
/// </remarks>
internal sealed partial class OutputLock : IDisposable
{
    /// <summary>The lock file's name on Windows.</summary>
    internal const string WindowsFileName = ".chipscreen.lock";

    private readonly IDisposable? _held;

    private OutputLock(IDisposable? held) => _held = held;

    /// <summary>Locks <paramref name="directory"/> (which exists) for this run.</summary>
    /// <exception cref="RunOutputException">Another run holds it.</exception>
    public static OutputLock Acquire(string directory) =>
        new(OperatingSystem.IsWindows() ? LockFile(directory) : LockDirectory(directory));

    private static RunOutputException Held(string directory, Exception? inner = null) =>
        new($"output directory {directory}: another chipscreen run is writing to it; wait for that run to end, or write to another directory", inner);

    private static FileStream LockFile(string directory)
    {
        var path = Path.Combine(directory, WindowsFileName);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException e)
        {
            throw Held(directory, e);
        }
    }

    private static SafeFileHandle? LockDirectory(string directory)
    {
        int fd;
        try
        {
            fd = open(directory, OperatingSystem.IsLinux() ? OCloExecLinux : 0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null; // a C library this process cannot call: no lock to take
        }
        if (fd < 0)
            return null; // the run itself then reports why the directory cannot be written
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (flock(fd, LockExclusive | LockNonBlocking) == 0)
            return handle;
        var error = Marshal.GetLastPInvokeError();
        handle.Dispose();
        if (error == (OperatingSystem.IsLinux() ? EWouldBlockLinux : EWouldBlockBsd))
            throw Held(directory);
        return null; // a file system without locks (some network mounts): the run goes ahead unlocked
    }

    private const int OCloExecLinux = 0x80000;
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int EWouldBlockLinux = 11;
    private const int EWouldBlockBsd = 35;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int flock(int fd, int operation);

    /// <inheritdoc />
    public void Dispose() => _held?.Dispose();
}
