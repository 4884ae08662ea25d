using System.Text;
using ChipScreen.Reports;
using ChipScreen.Screening;

namespace ChipScreen.Tests.Reports;

/// <summary>report.html's table row made the plain way, with a <see cref="StringBuilder"/> and then encoded (as rows were
/// made before they were written straight into UTF-8), to check that <see cref="HtmlReport"/> writes the same bytes.</summary>
internal static class HtmlRowReference
{
    public static byte[] Format(LineDecision d)
    {
        var decision = d.Decision.ToContractString();
        var sb = new StringBuilder(1024);
        sb.Append("<tr data-decision=\"").Append(decision).Append("\"><td>").AppendEscaped(d.OrderId)
          .Append("<td>").AppendEscaped(d.Line)
          .Append("<td>").AppendEscaped(d.Input.Sku)
          .Append("<td><b class=\"").Append(decision).Append("\">").Append(decision).Append("</b>");
        if (d.Exception is { } exception)
            sb.Append(' ').Append(exception);
        sb.Append("<td>").Append(d.Eccn?.Value ?? "")
          .Append("<td>").AppendEscaped(d.Destination)
          .Append("<td>");
        if (d.Tier is { } tier)
            sb.Append(tier);
        sb.Append("<td>").AppendEscaped(d.Input.EndUser).Append("<td>");
        foreach (var r in d.Reasons)
        {
            sb.Append("<p><b>").AppendEscaped(r.RuleId).Append("</b> ").AppendEscaped(r.Message);
            if (r.Citation.Length > 0)
                sb.Append(" <cite>").AppendEscaped(r.Citation).Append("</cite>");
        }
        sb.Append('\n');
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    // Element content: the parser reads only < and & as markup there; a bidirectional embedding, override or isolate
    // control, a C0 control and DEL show as their code point.
    private static StringBuilder AppendEscaped(this StringBuilder sb, string? text)
    {
        var escaped = (text ?? "").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
        foreach (var control in "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u007F" + new string([.. Enumerable.Range(0, 0x20).Select(c => (char)c)]))
            escaped = escaped.Replace(control.ToString(), "[U+" + ((int)control).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + "]", StringComparison.Ordinal);
        return sb.Append(escaped);
    }
}
