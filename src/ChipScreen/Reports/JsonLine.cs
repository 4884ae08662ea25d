using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace ChipScreen.Reports;

/// <summary>A growing UTF-8 buffer that one JSON record of a known shape is written into: the caller writes the
/// punctuation and keys as constants, this writes the values, escaped exactly as <see cref="Utf8JsonWriter"/> escapes
/// them with <see cref="AuditRecordJson.Encoder"/>.</summary>
/// <remarks>Strings of printable ASCII without a quote or backslash (nearly all) are copied as they are; any other is
/// escaped by <see cref="JsonEncodedText"/>. Numbers are written as <see cref="Utf8JsonWriter"/> writes them. One per
/// thread; not thread-safe.</remarks>
internal sealed class JsonLine : Utf8Buffer
{
    /// <summary>Writes a JSON string: printable ASCII but the quote and the backslash (nearly every string) copied as it is,
    /// checked and copied in one pass (<see cref="PlainText"/>); any other escaped.</summary>
    public void String(string value)
    {
        var span = Space(value.Length + 2);
        if (PlainText.TryCopy(value, span.Slice(1, value.Length), '"', '\\'))
        {
            span[0] = (byte)'"';
            span[value.Length + 1] = (byte)'"';
            Length += value.Length + 2;
            return;
        }
        Quoted(JsonEncodedText.Encode(value, AuditRecordJson.Encoder).EncodedUtf8Bytes);
    }

    /// <summary>Writes a JSON string, or <c>null</c>.</summary>
    public void StringOrNull(string? value)
    {
        if (value is null)
            Null();
        else
            String(value);
    }

    /// <summary>Writes a JSON string, or <c>null</c> for an empty one (a value the line does not have).</summary>
    public void StringOrNullIfEmpty(string value)
    {
        if (value.Length == 0)
            Null();
        else
            String(value);
    }

    public void Null() => Raw("null"u8);

    public void Boolean(bool value) => Raw(value ? "true"u8 : "false"u8);

    public void Number(long value)
    {
        Utf8Formatter.TryFormat(value, Space(20), out var written);
        Length += written;
    }

    /// <summary>Writes a decimal as <see cref="Utf8JsonWriter"/> does: all its digits, its scale kept (2368.0 stays
    /// 2368.0).</summary>
    public void Number(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var negative = bits[3] < 0;
        if (bits[2] != 0 || bits[1] < 0)
        {
            // More than 63 bits of digits: rare, and formatted the long way.
            Utf8Formatter.TryFormat(value, Space(64), out var written);
            Length += written;
            return;
        }
        var digits = ((long)bits[1] << 32) | (uint)bits[0];
        if (negative && digits != 0)
            Raw("-"u8);
        if (scale == 0)
        {
            Number(digits);
            return;
        }
        // The unscaled digits with a point before the last `scale` of them, zeros in front when needed ("0.000123").
        Span<byte> text = stackalloc byte[20];
        Utf8Formatter.TryFormat(digits, text, out var count);
        var span = Space(count + scale + 2);
        var at = 0;
        if (count <= scale)
        {
            span[at++] = (byte)'0';
            span[at++] = (byte)'.';
            for (var i = count; i < scale; i++)
                span[at++] = (byte)'0';
            text[..count].CopyTo(span[at..]);
            at += count;
        }
        else
        {
            text[..(count - scale)].CopyTo(span);
            at = count - scale;
            span[at++] = (byte)'.';
            text.Slice(count - scale, scale).CopyTo(span[at..]);
            at += scale;
        }
        Length += at;
    }

    public void NumberOrNull(decimal? value)
    {
        if (value is { } v)
            Number(v);
        else
            Null();
    }

    /// <summary>Writes a date as a "yyyy-MM-dd" string.</summary>
    public void Date(DateOnly date)
    {
        var span = Space(12);
        span[0] = (byte)'"';
        Digits(span.Slice(1, 4), date.Year);
        span[5] = (byte)'-';
        Digits(span.Slice(6, 2), date.Month);
        span[8] = (byte)'-';
        Digits(span.Slice(9, 2), date.Day);
        span[11] = (byte)'"';
        Length += 12;
    }

    private static void Digits(Span<byte> span, int value)
    {
        for (var i = span.Length - 1; i >= 0; i--)
        {
            span[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }

    private void Quoted(ReadOnlySpan<byte> escaped)
    {
        var span = Space(escaped.Length + 2);
        span[0] = (byte)'"';
        escaped.CopyTo(span[1..]);
        span[escaped.Length + 1] = (byte)'"';
        Length += escaped.Length + 2;
    }
}
