using System.Text;

namespace ChipScreen.Reports;

/// <summary>HTML escaping for report text.</summary>
internal static class Html
{
    /// <summary>Appends <paramref name="text"/> escaped, without making a new string.</summary>
    public static StringBuilder AppendEscaped(this StringBuilder sb, string? text)
    {
        if (string.IsNullOrEmpty(text))
            return sb;
        var span = text.AsSpan();
        while (true)
        {
            var at = span.IndexOfAny("<>&\"'");
            if (at < 0)
                return sb.Append(span);
            sb.Append(span[..at]).Append(span[at] switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                _ => "&#39;",
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
