using System.Globalization;
using System.Text;

namespace ChipScreen.Countries;

/// <summary>The key a country name is looked up by: accents removed, case folded, punctuation as spaces.</summary>
internal static class CountryNames
{
    /// <summary>Normalizes a name: "Viet-Nam" and "viet nam" give the same key.</summary>
    public static string Key(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                if (space && sb.Length > 0)
                    sb.Append(' ');
                space = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                space = true;
            }
        }
        return sb.ToString();
    }
}
