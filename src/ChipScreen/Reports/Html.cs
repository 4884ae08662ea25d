using System.Buffers;
using System.Globalization;
using System.Text;

namespace ChipScreen.Reports;

/// <summary>HTML escaping for report text.</summary>
/// <remarks>Both ways of writing text also show each bidirectional embedding, override and isolate control (U+202A to
/// U+202E, U+2066 to U+2069) as a visible marker, e.g. <c>[U+202E]</c>: a raw one from an order file (a party's name
/// starting with RIGHT-TO-LEFT OVERRIDE) would reorder the rest of its paragraph, ChipScreen's own words and figures
/// included, and stay hidden from the reader. So does each C0 control (U+0000 to U+001F, tab and line feed included) and
/// DEL (U+007F): a browser drops NUL and shows the others as nothing or as a space, so <c>N4\0</c> would read as
/// <c>N4</c>.</remarks>
internal static class Html
{
    /// <summary>The bidirectional embedding, override and isolate controls (<see cref="IsBidiControl"/>).</summary>
    private const string BidiControls = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";

    /// <summary>The C0 controls and DEL (<see cref="IsControl"/>).</summary>
    private const string Controls = "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F";

    /// <summary>What element content escapes, or marks: <c>&lt;</c>, <c>&amp;</c>, the bidirectional controls, the C0
    /// controls and DEL.</summary>
    private static readonly SearchValues<char> s_content = SearchValues.Create("<&" + BidiControls + Controls);

    /// <summary>What <see cref="Escape"/> escapes, or marks: the markup characters of content and attribute values and the
    /// bidirectional controls, the C0 controls and DEL.</summary>
    private static readonly SearchValues<char> s_anywhere = SearchValues.Create("<>&\"'" + BidiControls + Controls);

    /// <summary>Writes <paramref name="text"/> as the content of an element, as UTF-8: <c>&lt;</c> and <c>&amp;</c>
    /// escaped, the only characters a parser reads as markup there (quotes and <c>&gt;</c> are text in content), and each
    /// bidirectional control, C0 control and DEL written as its marker.</summary>
    /// <remarks>Most text (printable ASCII without either, so without a control) is checked and copied in one pass
    /// (<see cref="PlainText"/>).
    /// Not for attribute values: those take <see cref="Escape"/>.</remarks>
    public static void Text(this Utf8Buffer buffer, string? text)
    {
        if (string.IsNullOrEmpty(text) || buffer.TryPlain(text, '<', '&'))
            return;
        var span = text.AsSpan();
        while (true)
        {
            var at = span.IndexOfAny(s_content);
            if (at < 0)
            {
                buffer.Utf8(span);
                return;
            }
            buffer.Utf8(span[..at]);
            switch (span[at])
            {
                case '<':
                    buffer.Raw("&lt;"u8);
                    break;
                case '&':
                    buffer.Raw("&amp;"u8);
                    break;
                default:
                    buffer.Utf8(Marker(span[at]));
                    break;
            }
            span = span[(at + 1)..];
        }
    }

    /// <summary>Escapes text for element content and quoted attribute values, each bidirectional control, C0 control and
    /// DEL written as its marker.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        if (text.AsSpan().IndexOfAny(s_anywhere) < 0)
            return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ when IsBidiControl(c) || IsControl(c) => Marker(c),
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    /// <summary>Whether <paramref name="c"/> is a bidirectional embedding, override or isolate control (U+202A to U+202E,
    /// U+2066 to U+2069): one that reorders the text after it.</summary>
    internal static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>Whether <paramref name="c"/> is a C0 control (U+0000 to U+001F) or DEL (U+007F).</summary>
    internal static bool IsControl(char c) => c is < '\u0020' or '\u007F';

    /// <summary>What a bidirectional control, C0 control or DEL is shown as: its code point, e.g. <c>[U+202E]</c>.</summary>
    internal static string Marker(char c) => string.Create(CultureInfo.InvariantCulture, $"[U+{(int)c:X4}]");
}
