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
    public void Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Space(bytes.Length));
        Length += bytes.Length;
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8.</summary>
    public void Utf8(ReadOnlySpan<char> text)
    {
        var span = Space(System.Text.Encoding.UTF8.GetMaxByteCount(text.Length));
        Length += System.Text.Encoding.UTF8.GetBytes(text, span);
    }

    /// <summary>Room for <paramref name="count"/> more bytes, from the end of what is written.</summary>
    protected Span<byte> Space(int count)
    {
        if (Length + count > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
        return _buffer.AsSpan(Length);
    }
}
