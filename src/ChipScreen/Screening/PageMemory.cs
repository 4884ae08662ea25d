using System.Runtime.InteropServices;

namespace ChipScreen.Screening;

/// <summary>Zeroed memory taken from the operating system in whole pages and given back to it when freed, for a table
/// that lives only through one pass over a batch (<see cref="DuplicateLineFinder"/>).</summary>
/// <remarks>
/// The C library's allocator keeps a freed block of some megabytes for its next requests (its threshold for mapping
/// blocks of their own grows with every block freed, up to 32 MB), so a process that screens one large batch after
/// another kept the table's memory: ten million-line runs in one process (the bench's <c>--runs 5</c>) peaked at 304 MB
/// with the table from that allocator, 275 MB with it mapped. On Linux the
/// table is mapped (<c>mmap</c>) and unmapped instead, which returns it at once; elsewhere, or if mapping fails, it comes
/// from <see cref="NativeMemory"/>.
/// </remarks>
internal static unsafe partial class PageMemory
{
    private const int ProtRead = 0x1;
    private const int ProtWrite = 0x2;
    private const int MapPrivate = 0x02;
    private const int MapAnonymous = 0x20; // Linux's value
    private static readonly nint Failed = -1;

    /// <summary>A zeroed block of <paramref name="bytes"/> bytes, and whether it is mapped; give it back with
    /// <see cref="Free"/>, the same size and that flag.</summary>
    public static (nint Block, bool Mapped) Allocate(nuint bytes)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                var block = mmap(0, bytes, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
                if (block != Failed)
                    return (block, true);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // a C library this process cannot call: the usual allocator
            }
        }
        return ((nint)NativeMemory.AllocZeroed(bytes), false);
    }

    /// <summary>Gives back a block <see cref="Allocate"/> returned, with the size asked for and whether it was mapped.</summary>
    public static void Free(nint block, nuint bytes, bool mapped)
    {
        if (block == 0)
            return;
        if (!mapped)
            NativeMemory.Free((void*)block);
        else if (munmap(block, bytes) != 0)
            throw new InvalidOperationException($"munmap failed (errno {Marshal.GetLastPInvokeError()})");
    }

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static partial nint mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    private static partial int munmap(nint address, nuint length);
}
