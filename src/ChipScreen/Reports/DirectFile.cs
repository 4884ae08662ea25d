using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace ChipScreen.Reports;

/// <summary>Writes a run's outputs (decisions.csv, audit.jsonl, report.json, report.html) past the operating system's
/// page cache where it can: with <c>O_DIRECT</c> on Linux, through a 1 MB buffer aligned to the disk's blocks.
/// A writer can hash what it writes, which is how every output's SHA-256 is taken.</summary>
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
    public static Writer Create(string path, bool direct = true) => new(path, direct, hash: false);

    /// <summary>As <see cref="Create"/>, computing the file's SHA-256 on the way (<see cref="Writer.Sha256"/>).</summary>
    public static Writer CreateHashed(string path, bool direct = true) => new(path, direct, hash: true);

    /// <summary>Creates (or truncates) <paramref name="path"/> for writing with <c>O_DIRECT</c> when the platform and file
    /// system allow it, otherwise as usual; says which.</summary>
    private static (SafeFileHandle Handle, bool Direct) Open(string path, bool direct)
    {
        if (direct && OperatingSystem.IsLinux() && DirectFlag() is { } flag)
        {
            var flags = OWrOnly | OCreat | OTrunc | OCloExec | flag;
            int fd;
            try
            {
                fd = open(path, flags, 0x1B6); // rw-rw-rw-, less the umask: what File.Create gives
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                fd = -1; // a C library this process cannot call: the usual way
            }
            if (fd >= 0)
                return (new SafeFileHandle(fd, ownsHandle: true), true);
        }
        // Not possible here; the usual open also reports a missing directory or a denied access the usual way.
        return (File.OpenHandle(path, FileMode.Create, FileAccess.Write), false);
    }

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
    /// kernel can move whole blocks from it).</summary>
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
    /// <remarks>
    /// A ring of <see cref="Buffers"/> buffers: while the caller fills one, a thread of the writer's own hashes the full
    /// ones (SHA-256, when asked) and writes them in order, so the caller waits for the disk only when it runs the whole
    /// ring ahead. A direct write returns when the disk has the data, which can take longer than filling a buffer did;
    /// with two buffers, the caller spent two of a 1M-line run's five seconds waiting. <see cref="Flush"/> writes
    /// nothing: a partial block can only go to the file at the end. Not thread-safe.
    /// </remarks>
    public sealed class Writer : Stream
    {
        /// <summary>The buffers in a writer's ring.</summary>
        internal const int Buffers = 4;

        private readonly string _path;
        private readonly AlignedBuffer[] _buffers = [.. Enumerable.Range(0, Buffers).Select(_ => new AlignedBuffer())];
        private readonly IncrementalHash? _hash;
        private readonly SemaphoreSlim _free = new(Buffers - 1); // buffers written and ready to fill, besides the one filling
        private readonly SemaphoreSlim _ready = new(0); // full buffers waiting for the thread
        private readonly System.Collections.Concurrent.ConcurrentQueue<(AlignedBuffer Buffer, int Length, long Offset)?> _transfers = new();
        private SafeFileHandle _handle;
        private Thread? _thread;
        private Exception? _failure;
        private int _current;
        private int _count;
        private long _offset;
        private bool _disposed;
        private string? _sha256;

        internal Writer(string path, bool direct, bool hash)
        {
            _path = path;
            (_handle, IsDirect) = Open(path, direct);
            _hash = hash ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        }

        /// <summary>The file's handle (for tests that make the disk fail under a writer).</summary>
        internal SafeFileHandle Handle => _handle;

        /// <summary>Whether the file is written past the page cache.</summary>
        public bool IsDirect { get; private set; }

        /// <summary>The lower-case hex SHA-256 of the file, once it is complete (disposed); for a writer created with a hash.</summary>
        public string Sha256 => _sha256 ?? throw new InvalidOperationException("the hash is known once the file is complete, and only when asked for");

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => !_disposed;
        public override long Length => _offset + _count;
        public override long Position { get => _offset + _count; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> data)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            while (data.Length > 0)
            {
                var span = _buffers[_current].Span;
                var n = Math.Min(data.Length, BufferSize - _count);
                data[..n].CopyTo(span[_count..]);
                _count += n;
                data = data[n..];
                if (_count == BufferSize)
                    Hand(BufferSize);
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

        /// <summary>Hands the first <paramref name="length"/> bytes of the filling buffer to the transfer thread and goes on
        /// filling the next buffer with the rest. The first transfer runs on the caller's thread: if the file system
        /// refuses direct I/O, the file is reopened as usual before anything else is written.</summary>
        private void Hand(int length)
        {
            _free.Wait(); // the next buffer's transfer is done
            if (_failure is not null)
            {
                _free.Release(); // so that disposing does not wait for a transfer that will never come
                ThrowIfFailed();
            }
            var full = _buffers[_current];
            var next = _buffers[(_current + 1) % Buffers];
            var rest = _count - length;
            if (rest > 0)
                full.Span.Slice(length, rest).CopyTo(next.Span);
            if (_offset == 0)
            {
                try
                {
                    Transfer(full, length, 0);
                }
                finally
                {
                    _free.Release();
                }
            }
            else
            {
                _transfers.Enqueue((full, length, _offset));
                _thread ??= StartThread();
                _ready.Release();
            }
            _offset += length;
            _count = rest;
            _current = (_current + 1) % Buffers;
        }

        private Thread StartThread()
        {
            var thread = new Thread(() =>
            {
                while (true)
                {
                    _ready.Wait();
                    if (!_transfers.TryDequeue(out var transfer) || transfer is not { } t)
                        return;
                    try
                    {
                        if (_failure is null)
                            Transfer(t.Buffer, t.Length, t.Offset);
                    }
                    catch (Exception e)
                    {
                        _failure ??= e;
                    }
                    finally
                    {
                        _free.Release();
                    }
                }
            })
            { IsBackground = true, Name = "DirectFile writer" };
            thread.Start();
            return thread;
        }

        /// <summary>Hashes and writes <paramref name="length"/> bytes of <paramref name="buffer"/> at <paramref name="offset"/>.</summary>
        private void Transfer(AlignedBuffer buffer, int length, long offset)
        {
            var span = buffer.Span[..length];
            _hash?.AppendData(span);
            try
            {
                RandomAccess.Write(_handle, span, offset);
            }
            catch (IOException) when (IsDirect && offset == 0)
            {
                // The file system opened the file for direct I/O but refuses the transfer: write through the page cache.
                _handle.Dispose();
                _handle = File.OpenHandle(_path, FileMode.Create, FileAccess.Write);
                IsDirect = false;
                RandomAccess.Write(_handle, span, offset);
            }
        }

        private void ThrowIfFailed()
        {
            if (_failure is { } failure)
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_disposed)
            {
                _disposed = true;
                try
                {
                    for (var i = 0; i < Buffers - 1; i++)
                        _free.Wait(); // every transfer is done
                    ThrowIfFailed();
                    var buffer = _buffers[_current];
                    var whole = IsDirect ? _count / Block * Block : _count;
                    if (whole > 0)
                        Transfer(buffer, whole, _offset);
                    _offset += whole;
                    _count -= whole;
                    if (_count > 0)
                    {
                        // The partial last block, through the page cache (direct I/O moves whole blocks only).
                        var tail = buffer.Span.Slice(whole, _count);
                        _hash?.AppendData(tail);
                        using var handle = File.OpenHandle(_path, FileMode.Open, FileAccess.Write);
                        RandomAccess.Write(handle, tail, _offset);
                        _offset += _count;
                        _count = 0;
                    }
                    if (_hash is not null)
                        _sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
                }
                finally
                {
                    if (_thread is not null)
                    {
                        _transfers.Enqueue(null);
                        _ready.Release(); // ends the thread
                        _thread.Join();
                    }
                    _handle.Dispose();
                    _hash?.Dispose();
                    _free.Dispose();
                    _ready.Dispose();
                }
            }
            base.Dispose(disposing);
        }
    }
}
