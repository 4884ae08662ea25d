using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ChipScreen.Rules;

/// <summary>A rule's message with placeholders: <c>"TPP {line.Chip.Tpp:N0} >= 4,800"</c>.</summary>
/// <remarks>
/// A placeholder holds an expression in the rule language (the same inputs as the rule) and an optional
/// .NET format after the last colon (<c>N0</c>, <c>N2</c>, <c>0.00</c>); values format with the invariant
/// culture. <c>{{</c> and <c>}}</c> write braces. Placeholders compile once, with the rules. Immutable.
/// </remarks>
internal sealed partial class MessageTemplate
{
    private readonly Segment[] _segments;

    private MessageTemplate(Segment[] segments) => _segments = segments;

    /// <summary>Splits a template into text and placeholders; null with a problem when braces do not match.</summary>
    public static (IReadOnlyList<(string Text, string? Expression, string? Format)> Parts, string? Problem) Split(string template)
    {
        var parts = new List<(string, string?, string?)>();
        var text = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{') { text.Append('{'); i++; continue; }
            if (c == '}' && i + 1 < template.Length && template[i + 1] == '}') { text.Append('}'); i++; continue; }
            if (c == '}')
                return (parts, $"has a '}}' at position {i + 1} without its '{{' (write '}}}}' for a brace)");
            if (c != '{') { text.Append(c); continue; }

            var end = FindClose(template, i + 1);
            if (end < 0)
                return (parts, $"has a '{{' at position {i + 1} that is never closed (write '{{{{' for a brace)");
            if (text.Length > 0) { parts.Add((text.ToString(), null, null)); text.Clear(); }
            var (expression, format) = SplitFormat(template[(i + 1)..end]);
            if (expression.Trim().Length == 0)
                return (parts, $"has an empty placeholder at position {i + 1}");
            parts.Add(("", expression, format));
            i = end;
        }
        if (text.Length > 0)
            parts.Add((text.ToString(), null, null));
        return (parts, null);
    }

    /// <summary>Builds a template from its parts and the compiled placeholder delegates, in order.</summary>
    public static MessageTemplate Create(IReadOnlyList<(string Text, string? Expression, string? Format)> parts, IReadOnlyList<Func<Screening.LineFacts, object?>> values)
    {
        var segments = new Segment[parts.Count];
        var v = 0;
        for (var i = 0; i < parts.Count; i++)
            segments[i] = parts[i].Expression is null ? new Segment(parts[i].Text, null, null) : new Segment(null, values[v++], parts[i].Format);
        return new MessageTemplate(segments);
    }

    [ThreadStatic]
    private static StringBuilder? t_builder;

    /// <summary>Fills the template with a line's values.</summary>
    public string Render(Screening.LineFacts facts)
    {
        var sb = t_builder ??= new StringBuilder(256);
        sb.Clear();
        Span<char> formatted = stackalloc char[64];
        foreach (var segment in _segments)
        {
            if (segment.Text is not null)
            {
                sb.Append(segment.Text);
                continue;
            }
            var value = segment.Value!(facts);
            switch (value)
            {
                case null:
                    break;
                case string s:
                    sb.Append(s);
                    break;
                case bool b:
                    sb.Append(b ? "true" : "false");
                    break;
                case ISpanFormattable f:
                    // Formatted on the stack where it fits, rather than into a string per value.
                    if (f.TryFormat(formatted, out var written, segment.Format, CultureInfo.InvariantCulture))
                        sb.Append(formatted[..written]);
                    else
                        sb.Append(f.ToString(segment.Format, CultureInfo.InvariantCulture));
                    break;
                case IFormattable f:
                    sb.Append(f.ToString(segment.Format, CultureInfo.InvariantCulture));
                    break;
                default:
                    sb.Append(value);
                    break;
            }
        }
        return sb.ToString();
    }

    private static int FindClose(string template, int start)
    {
        var inString = false;
        for (var i = start; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '"' && (i == 0 || template[i - 1] != '\\'))
                inString = !inString;
            else if (!inString && c == '}')
                return i;
            else if (!inString && c == '{')
                return -1;
        }
        return -1;
    }

    private static (string Expression, string? Format) SplitFormat(string placeholder)
    {
        var inString = false;
        var depth = 0;
        var cut = -1;
        for (var i = 0; i < placeholder.Length; i++)
        {
            var c = placeholder[i];
            if (c == '"') inString = !inString;
            else if (inString) continue;
            else if (c is '(' or '[') depth++;
            else if (c is ')' or ']') depth--;
            else if (c == ':' && depth == 0) cut = i;
        }
        if (cut > 0 && FormatPattern().IsMatch(placeholder[(cut + 1)..]))
            return (placeholder[..cut], placeholder[(cut + 1)..]);
        return (placeholder, null);
    }

    [GeneratedRegex(@"^[A-Za-z0-9#,.%]{1,12}$")]
    private static partial Regex FormatPattern();

    private sealed record Segment(string? Text, Func<Screening.LineFacts, object?>? Value, string? Format);
}
