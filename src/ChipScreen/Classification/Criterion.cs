using System.Globalization;
using System.Text;

namespace ChipScreen.Classification;

/// <summary>One way to meet a control paragraph: ranges of TPP and, optionally, performance density (PD).</summary>
/// <remarks>Lower bounds are inclusive (<c>&gt;=</c>), upper bounds exclusive (<c>&lt;</c>), as the ECCN text reads.</remarks>
/// <param name="TppMin">TPP at least this.</param>
/// <param name="TppBelow">TPP below this, if bounded.</param>
/// <param name="PdMin">PD at least this, if PD matters.</param>
/// <param name="PdBelow">PD below this, if bounded.</param>
public sealed record Criterion(decimal TppMin, decimal? TppBelow, decimal? PdMin, decimal? PdBelow)
{
    /// <summary>Whether the criterion needs a performance density.</summary>
    public bool NeedsPd => PdMin is not null || PdBelow is not null;

    /// <summary>Whether the TPP part holds.</summary>
    public bool TppHolds(decimal tpp) => tpp >= TppMin && (TppBelow is not { } below || tpp < below);

    /// <summary>Whether the whole criterion holds (a PD criterion needs a known PD).</summary>
    public bool Holds(decimal tpp, decimal? pd) =>
        TppHolds(tpp) && (!NeedsPd || (pd is { } d && (PdMin is not { } min || d >= min) && (PdBelow is not { } pb || d < pb)));

    /// <summary>Explains the criterion with the chip's values: "TPP 1,600 >= 1,600 and PD 5.93 >= 5.92".</summary>
    public string Explain(decimal tpp, decimal? pd)
    {
        var sb = new StringBuilder();
        sb.Append("TPP ").Append(Format(tpp)).Append(" >= ").Append(Format(TppMin));
        if (TppBelow is { } tb)
            sb.Append(" and < ").Append(Format(tb));
        if (NeedsPd && pd is { } d)
        {
            sb.Append(" and PD ").Append(FormatPd(d));
            if (PdMin is { } min)
                sb.Append(" >= ").Append(FormatPd(min));
            if (PdBelow is { } below)
                sb.Append(PdMin is null ? " < " : " and < ").Append(FormatPd(below));
        }
        return sb.ToString();
    }

    /// <summary>A TPP or threshold as given, every digit it has: "15,832", "1.5", "0.0001" (which "#,0.##" showed as "0", a
    /// chip with no TPP), "4,799.999" (not "4,800", a value on the other side of the threshold).</summary>
    internal static string Format(decimal value) => value.ToString("#,0.############################", CultureInfo.InvariantCulture);

    /// <summary>PD with enough digits to show which side of a threshold it is on (5.9187 is not "5.92"), and never a PD
    /// above 0 as "0.0000": a tiny one keeps its first two significant digits (0.00000012).</summary>
    internal static string FormatPd(decimal pd)
    {
        var rounded = decimal.Round(pd, 2, MidpointRounding.ToZero);
        if (rounded == pd)
            return pd.ToString("0.00##", CultureInfo.InvariantCulture);
        rounded = decimal.Round(pd, 4, MidpointRounding.ToZero);
        if (rounded == 0)
        {
            var places = 4;
            while (places < 28 && decimal.Round(pd, places, MidpointRounding.ToZero) == 0)
                places++;
            return decimal.Round(pd, Math.Min(places + 1, 28), MidpointRounding.ToZero).ToString("0.00##########################", CultureInfo.InvariantCulture);
        }
        return rounded.ToString("0.00##", CultureInfo.InvariantCulture);
    }
}
