using System.Globalization;
using System.Text;

namespace ChipScreen.Cli;

/// <summary>Text from an order file or a path, made safe to print on a terminal: a control character (an escape sequence
/// would restyle or move the cursor) or an invisible format character (a right-to-left override would reorder the line)
/// is shown as its code point, "[U+202E]", as report.html shows it.</summary>
internal static class TerminalText
{
    public static string Safe(string text)
    {
        var plain = true;
        foreach (var c in text)
            plain &= !Hidden(c);
        if (plain)
            return text;
        var safe = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (Hidden(c))
                safe.Append(CultureInfo.InvariantCulture, $"[U+{(int)c:X4}]");
            else
                safe.Append(c);
        }
        return safe.ToString();
    }

    private static bool Hidden(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
