using System.Collections.Frozen;
using System.Text;

namespace ChipScreen.Orders;

/// <summary>The contract's order columns and the header names ERP exports use for them.</summary>
/// <remarks>
/// Headers match ignoring case, spaces, hyphens, underscores, dots and slashes ("Ship-To Country",
/// "ship_to_country" and "SHIP TO COUNTRY" are the same). The README lists every alias.
/// </remarks>
public static class OrderColumns
{
#pragma warning disable CS1591 // the names are the contract's column names
    public const string OrderId = "order_id";
    public const string Line = "line";
    public const string ShipDate = "ship_date";
    public const string Sku = "sku";
    public const string Tpp = "tpp";
    public const string DieAreaMm2 = "die_area_mm2";
    public const string Datacenter = "datacenter";
    public const string ChipsPerUnit = "chips_per_unit";
    public const string Quantity = "quantity";
    public const string DestinationCountry = "destination_country";
    public const string EndUser = "end_user";
    public const string EndUserCountry = "end_user_country";
    public const string EndUserHqCountry = "end_user_hq_country";
    public const string Consignee = "consignee";
    public const string EndUse = "end_use";
#pragma warning restore CS1591

    /// <summary>Every column in contract order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        OrderId, Line, ShipDate, Sku, Tpp, DieAreaMm2, Datacenter, ChipsPerUnit, Quantity,
        DestinationCountry, EndUser, EndUserCountry, EndUserHqCountry, Consignee, EndUse,
    ];

    /// <summary>The columns a file must have (besides one of sku / tpp).</summary>
    public static IReadOnlyList<string> Required { get; } = [OrderId, Quantity, DestinationCountry, EndUser];

    /// <summary>The aliases accepted for each column, as written in the README.</summary>
    public static IReadOnlyDictionary<string, string[]> Aliases { get; } = new Dictionary<string, string[]>
    {
        [OrderId] = ["order", "order no", "order number", "sales order", "sales order number", "so number", "customer po", "po number", "purchase order"],
        [Line] = ["line no", "line number", "line item", "item no", "position", "pos"],
        [ShipDate] = ["shipping date", "planned ship date", "requested ship date", "delivery date"],
        [Sku] = ["part number", "part no", "material", "material number", "item number", "product", "mpn"],
        [Tpp] = ["total processing performance"],
        [DieAreaMm2] = ["die area", "die size", "die size mm2"],
        [Datacenter] = ["datacenter part", "is datacenter", "dc part"],
        [ChipsPerUnit] = ["gpus per unit", "gpu count"],
        [Quantity] = ["qty", "order qty", "quantity ordered", "units"],
        [DestinationCountry] = ["ship-to country", "destination", "country", "ship country", "destination country code"],
        [EndUser] = ["end user name", "end customer"],
        [EndUserCountry] = ["end user country code"],
        [EndUserHqCountry] = ["hq country", "headquarters country", "parent country", "ultimate parent country"],
        [Consignee] = ["ultimate consignee", "consignee name", "ship-to party", "ship-to name"],
        [EndUse] = ["intended use", "application"],
    };

    private static readonly FrozenDictionary<string, string> s_byKey = BuildKeys();

    /// <summary>The contract column a header names, or null.</summary>
    public static string? Match(string header) => s_byKey.GetValueOrDefault(Key(header));

    /// <summary>The comparison key of a header: lower case, separators removed.</summary>
    internal static string Key(string header)
    {
        var sb = new StringBuilder(header.Length);
        foreach (var c in header.Trim().TrimStart('\uFEFF'))
            if (char.IsLetterOrDigit(c))
                sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    private static FrozenDictionary<string, string> BuildKeys()
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in All)
        {
            keys.Add(Key(column), column);
            foreach (var alias in Aliases[column])
                keys.Add(Key(alias), column); // throws at start-up if two columns claim one header
        }
        return keys.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
