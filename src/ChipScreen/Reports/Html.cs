using System.Text;

namespace ChipScreen.Reports;

/// <summary>HTML escaping for report text.</summary>
internal static class Html
{
    /// <summary>Writes <paramref name="text"/> as the content of an element, as UTF-8: <c>&lt;</c> and <c>&amp;</c>
    /// escaped, the only characters a parser reads as markup there (quotes and <c>&gt;</c> are text in content).</summary>
    /// <remarks>Most text (printable ASCII without either) is checked and copied in one pass (<see cref="PlainText"/>).
    /// Not for attribute values: those take <see cref="Escape"/>.</remarks>
    public static void Text(this Utf8Buffer buffer, string? text)
    {
        if (string.IsNullOrEmpty(text) || buffer.TryPlain(text, '<', '&'))
            return;
        var span = text.AsSpan();
        while (true)
        {
            var at = span.IndexOfAny('<', '&');
            if (at < 0)
            {
                buffer.Utf8(span);
                return;
            }
            buffer.Utf8(span[..at]);
            buffer.Raw(span[at] == '<' ? "&lt;"u8 : "&amp;"u8);
            span = span[(at + 1)..];
        }
    }

    /// <summary>Escapes text for element content and quoted attribute values.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        if (text.AsSpan().IndexOfAny("<>&\"'") < 0)
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
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }
}
