using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ChipScreen.Reports;

/// <summary>Writes and reads a run's large files (decisions.csv, audit.jsonl, report.html) past the operating system's
/// page cache where it can: with <c>O_DIRECT</c> on Linux, through a 1 MB buffer aligned to the disk's blocks.</summary>
/// <remarks>
/// A 1,000,000-line run writes about 2 GB. Through the page cache, every byte is copied into fresh cache pages, which
/// on a virtual machine costs from 0.2 to 2 s of CPU per GB (measured on the project's machine; it varies with what
/// the host did with the pages since). Written directly, the same gigabyte costs under 0.1 s. Elsewhere (another OS, a
/// file system that refuses direct I/O), the same buffer is written through the page cache. The last, partial block
/// of a file is always written through the page cache, since direct I/O moves whole blocks only.
/// </remarks>
internal static partial class DirectFile
{
    /// <summary>The alignment of buffers, offsets and lengths in direct I/O (the largest logical block size in use).</summary>
    internal const int Block = 4096;

    /// <summary>The size of a transfer.</summary>
    internal const int BufferSize = 1 << 20;

    /// <summary>Creates (or truncates) <paramref name="path"/> for writing; <paramref name="direct"/> false writes through the
    /// page cache.</summary>
    public static Writer Create(string path, bool direct = true) => new(path, direct);

    /// <summary>Reads <paramref name="path"/> from the start, a chunk at a time (the span is valid during the call);
    /// <paramref name="direct"/> false reads through the page cache.</summary>
    public static void ForEachChunk(string path, Action<ReadOnlySpan<byte>> use, bool direct = true)
    {
        var buffer = new AlignedBuffer();
        var (handle, isDirect) = Open(path, write: false, direct);
        try
        {
            long offset = 0;
            while (true)
            {
                int read;
                try
                {
                    read = RandomAccess.Read(handle, buffer.Span, offset);
                }
                catch (IOException) when (isDirect && offset == 0)
                {
                    // Opened for direct I/O, but the transfer is refused: read through the page cache.
                    handle.Dispose();
                    (handle, isDirect) = Open(path, write: false, direct: false);
                    continue;
                }
                if (read == 0)
                    break;
                use(buffer.Span[..read]);
                offset += read;
            }
        }
        finally
        {
            handle.Dispose();
        }
    }

    /// <summary>Opens <paramref name="path"/> with <c>O_DIRECT</c> when the platform and file system allow it, otherwise as
    /// usual; says which.</summary>
    private static (SafeFileHandle Handle, bool Direct) Open(string path, bool write, bool direct)
    {
        if (direct && OperatingSystem.IsLinux() && DirectFlag() is { } flag)
        {
            var flags = (write ? OWrOnly | OCreat | OTrunc : ORdOnly) | OCloExec | flag;
            var fd = open(path, flags, 0x1B6); // rw-rw-rw-, less the umask: what File.Create gives
            if (fd >= 0)
                return (new SafeFileHandle(fd, ownsHandle: true), true);
        }
        // Not possible here; the usual open also reports a missing directory or a denied access the usual way.
        return (write ? File.OpenHandle(path, FileMode.Create, FileAccess.Write) : File.OpenHandle(path, FileMode.Open, FileAccess.Read), false);
    }

    private const int ORdOnly = 0x0;
    private const int OWrOnly = 0x1;
    private const int OCreat = 0x40;
    private const int OTrunc = 0x200;
    private const int OCloExec = 0x80000;

    /// <summary>O_DIRECT's value, which depends on the architecture.</summary>
    private static int? DirectFlag() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 or Architecture.X86 => 0x4000,
        Architecture.Arm64 or Architecture.Arm => 0x10000,
        _ => null,
    };

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int open(string path, int flags, int mode);

    /// <summary>A buffer of <see cref="BufferSize"/> bytes whose start is aligned to <see cref="Block"/> (pinned, so that the
    /// kernel can move whole blocks to and from it).</summary>
    private sealed class AlignedBuffer
    {
        private readonly byte[] _array = GC.AllocateUninitializedArray<byte>(BufferSize + Block, pinned: true);
        private readonly int _start;

        public AlignedBuffer()
        {
            unsafe
            {
                fixed (byte* p = _array)
                    _start = (int)((Block - (nint)p % Block) % Block);
            }
        }

        public Span<byte> Span => _array.AsSpan(_start, BufferSize);
    }

    /// <summary>A write-only, forward-only stream onto a new file; the file is complete once the stream is disposed.</summary>
    /// <remarks><see cref="Flush"/> writes nothing: a partial block can only go to the file at the end. Not thread-safe.</remarks>
    public sealed class Writer : Stream
    {
        private readonly string _path;
        private readonly AlignedBuffer _buffer = new();
        private SafeFileHandle _handle;
        private int _count;
        private long _offset;
        private bool _disposed;

        internal Writer(string path, bool direct)
        {
            _path = path;
            (_handle, IsDirect) = Open(path, write: true, direct);
        }

        /// <summary>Whether the file is written past the page cache.</summary>
        public bool IsDirect { get; private set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => !_disposed;
        public override long Length => _offset + _count;
        public override long Position { get => _offset + _count; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> data)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var span = _buffer.Span;
            while (data.Length > 0)
            {
                var n = Math.Min(data.Length, BufferSize - _count);
                data[..n].CopyTo(span[_count..]);
                _count += n;
                data = data[n..];
                if (_count == BufferSize)
                    WriteOut(BufferSize);
            }
        }

        public override void WriteByte(byte value) => Write([value]);

        /// <summary>Writes nothing: whole blocks go out as the buffer fills, the rest when the stream is disposed.</summary>
        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        /// <summary>Writes the first <paramref name="length"/> buffered bytes at the file's end and keeps the rest.</summary>
        private void WriteOut(int length)
        {
            var span = _buffer.Span;
            try
            {
                RandomAccess.Write(_handle, span[..length], _offset);
            }
            catch (IOException) when (IsDirect && _offset == 0)
            {
                // The file system opened the file for direct I/O but refuses the transfer: write through the page cache.
                _handle.Dispose();
                _handle = File.OpenHandle(_path, FileMode.Create, FileAccess.Write);
                IsDirect = false;
                RandomAccess.Write(_handle, span[..length], _offset);
            }
            _offset += length;
            _count -= length;
            if (_count > 0)
                span.Slice(length, _count).CopyTo(span);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_disposed)
            {
                _disposed = true;
                try
                {
                    var whole = IsDirect ? _count / Block * Block : _count;
                    if (whole > 0)
                        WriteOut(whole);
                    if (_count > 0)
                    {
                        // The partial last block, through the page cache (direct I/O moves whole blocks only).
                        using var tail = File.OpenHandle(_path, FileMode.Open, FileAccess.Write);
                        RandomAccess.Write(tail, _buffer.Span[.._count], _offset);
                        _offset += _count;
                        _count = 0;
                    }
                }
                finally
                {
                    _handle.Dispose();
                }
            }
            base.Dispose(disposing);
        }
    }
}
