using System.Text;

namespace ChipScreen.Reports;

/// <summary>HTML escaping for report text.</summary>
internal static class Html
{
    /// <summary>Writes <paramref name="text"/> escaped (as <see cref="Escape"/> does), as UTF-8.</summary>
    public static void Escaped(this Utf8Buffer buffer, string? text)
    {
        if (string.IsNullOrEmpty(text))
            return;
        var span = text.AsSpan();
        while (true)
        {
            var at = span.IndexOfAny("<>&\"'");
            if (at < 0)
            {
                buffer.Utf8(span);
                return;
            }
            buffer.Utf8(span[..at]);
            buffer.Raw(span[at] switch
            {
                '<' => "&lt;"u8,
                '>' => "&gt;"u8,
                '&' => "&amp;"u8,
                '"' => "&quot;"u8,
                _ => "&#39;"u8,
            });
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
