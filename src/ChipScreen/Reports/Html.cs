using System.Buffers;
using System.Globalization;
using System.Text;

namespace ChipScreen.Reports;

/// <summary>HTML escaping for report text.</summary>
/// <remarks>Both ways of writing text also show each bidirectional embedding, override and isolate control (U+202A to
/// U+202E, U+2066 to U+2069) as a visible marker, e.g. <c>[U+202E]</c>: a raw one from an order file (a party's name
/// starting with RIGHT-TO-LEFT OVERRIDE) would reorder the rest of its paragraph, ChipScreen's own words and figures
/// included, and stay hidden from the reader.</remarks>
internal static class Html
{
    /// <summary>The bidirectional embedding, override and isolate controls (<see cref="IsBidiControl"/>).</summary>
    private const string BidiControls = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";

    /// <summary>What element content escapes, or marks: <c>&lt;</c>, <c>&amp;</c> and the bidirectional controls.</summary>
    private static readonly SearchValues<char> s_content = SearchValues.Create("<&" + BidiControls);

    /// <summary>What <see cref="Escape"/> escapes, or marks: the markup characters of content and attribute values and the
    /// bidirectional controls.</summary>
    private static readonly SearchValues<char> s_anywhere = SearchValues.Create("<>&\"'" + BidiControls);

    /// <summary>Writes <paramref name="text"/> as the content of an element, as UTF-8: <c>&lt;</c> and <c>&amp;</c>
    /// escaped, the only characters a parser reads as markup there (quotes and <c>&gt;</c> are text in content), and each
    /// bidirectional control written as its marker.</summary>
    /// <remarks>Most text (printable ASCII without either) is checked and copied in one pass (<see cref="PlainText"/>).
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

    /// <summary>Escapes text for element content and quoted attribute values, each bidirectional control written as its
    /// marker.</summary>
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
                _ when IsBidiControl(c) => Marker(c),
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    /// <summary>Whether <paramref name="c"/> is a bidirectional embedding, override or isolate control (U+202A to U+202E,
    /// U+2066 to U+2069): one that reorders the text after it.</summary>
    internal static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>What a bidirectional control is shown as: its code point, e.g. <c>[U+202E]</c>.</summary>
    internal static string Marker(char c) => string.Create(CultureInfo.InvariantCulture, $"[U+{(int)c:X4}]");
}
