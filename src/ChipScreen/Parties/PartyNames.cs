using System.Globalization;
using System.Text;

namespace ChipScreen.Parties;

/// <summary>The key a party's name is compared by for identity (volumes, validated end users): case, accents, punctuation and spacing ignored.</summary>
internal static class PartyNames
{
    /// <summary>"Acme  Ltd." and "ACME LTD" give "ACME LTD".</summary>
    public static string Key(string name)
    {
        var sb = new StringBuilder(name.Length);
        var space = false;
        foreach (var c in name.Normalize(NormalizationForm.FormKD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0)
                    sb.Append(' ');
                space = false;
                sb.Append(char.ToUpperInvariant(c));
            }
            else if (c != '.' && c != '\'')
            {
                space = true;
            }
        }
        return sb.ToString();
    }
}
