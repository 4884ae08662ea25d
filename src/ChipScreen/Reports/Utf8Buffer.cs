using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ChipScreen.Reports;

/// <summary>A growing UTF-8 buffer that one record (a JSON line, an HTML table row) is written into, reused record after
/// record by one thread.</summary>
internal class Utf8Buffer
{
    private byte[] _buffer = new byte[4096];

    /// <summary>The number of bytes written.</summary>
    protected int Length { get; set; }

    /// <summary>What has been written.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    /// <summary>Starts a new record.</summary>
    public void Clear() => Length = 0;

    /// <summary>Writes bytes as they are.</summary>
    /// <remarks>Inlined: most calls write a constant (a key, punctuation), whose copy the JIT then unrolls.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Raw(ReadOnlySpan<byte> bytes)
    {
        // Space made room for all of it: copied without a second bounds check.
        Unsafe.CopyBlockUnaligned(ref MemoryMarshal.GetReference(Space(bytes.Length)), ref MemoryMarshal.GetReference(bytes), (uint)bytes.Length);
        Length += bytes.Length;
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8.</summary>
    public void Utf8(ReadOnlySpan<char> text)
    {
        var span = Space(System.Text.Encoding.UTF8.GetMaxByteCount(text.Length));
        // Nearly all text is ASCII, which copies across as it is; the encoder takes over at the first other character.
        if (System.Text.Ascii.FromUtf16(text, span, out var ascii) == System.Buffers.OperationStatus.Done)
        {
            Length += ascii;
            return;
        }
        Length += ascii + System.Text.Encoding.UTF8.GetBytes(text[ascii..], span[ascii..]);
    }

    /// <summary>Writes <paramref name="text"/> as it is when every character is printable ASCII (U+0020 to U+007E) other
    /// than <paramref name="first"/> and <paramref name="second"/>, checked and copied in one pass; otherwise writes nothing
    /// and returns false.</summary>
    public bool TryPlain(ReadOnlySpan<char> text, char first, char second)
    {
        if (!PlainText.TryCopy(text, Space(text.Length), first, second))
            return false;
        Length += text.Length;
        return true;
    }

    /// <summary>Room for <paramref name="count"/> more bytes, from the end of what is written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected Span<byte> Space(int count)
    {
        if (Length + count > _buffer.Length)
            Grow(count);
        return _buffer.AsSpan(Length);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int count) => Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
}
