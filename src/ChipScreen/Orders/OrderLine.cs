using System.Collections.Immutable;

namespace ChipScreen.Orders;

/// <summary>One order line as given: by a CSV row, an ERP call or an HTTP request.</summary>
/// <remarks>
/// Values are as the source gave them, typed where the source allows; nothing is checked here, but a null given for a
/// text the screening needs (order id, line, ship-to country, end user) is kept as empty, and a default
/// <see cref="Issues"/> as none, so that a line built in code is held for what it lacks instead of failing.
/// <see cref="Issues"/> carries what could not be read at all (a quantity of "ten"); the screening
/// pipeline adds what does not resolve (an unknown country or SKU). Immutable.
/// </remarks>
public sealed record OrderLine
{
    /// <summary>1-based position of the line in its batch (the data row of a CSV file, header not counted).</summary>
    public long Row { get; init; }

    /// <summary>1-based line of the source file where the row starts, or 0 when not read from a file.</summary>
    public long SourceLine { get; init; }

    /// <summary>The order id (required; null counts as missing, as an empty field of a file does).</summary>
    public string OrderId { get; init => field = value ?? ""; } = "";

    /// <summary>Line number within the order, as written; the screening fills in the row's position within its order when empty
    /// (or null).</summary>
    public string Line { get; init => field = value ?? ""; } = "";

    /// <summary>Ship date; the as-of date when null.</summary>
    public DateOnly? ShipDate { get; init; }

    /// <summary>Catalog part number.</summary>
    public string? Sku { get; init; }

    /// <summary>TPP of one chip; overrides the catalog.</summary>
    public decimal? Tpp { get; init; }

    /// <summary>Applicable die area of one chip in mm^2; overrides the catalog.</summary>
    public decimal? DieAreaMm2 { get; init; }

    /// <summary>Designed or marketed for datacenters; overrides the catalog; unknown counts as true.</summary>
    public bool? Datacenter { get; init; }

    /// <summary>Chips in one ordered unit; overrides the catalog; default 1.</summary>
    public int? ChipsPerUnit { get; init; }

    /// <summary>Units ordered; must be a positive whole number.</summary>
    public int? Quantity { get; init; }

    /// <summary>Ship-to country: ISO code or name (required; null counts as missing).</summary>
    public string DestinationCountry { get; init => field = value ?? ""; } = "";

    /// <summary>End user's name (required; null counts as missing).</summary>
    public string EndUser { get; init => field = value ?? ""; } = "";

    /// <summary>End user's country (the ultimate destination when given).</summary>
    public string? EndUserCountry { get; init; }

    /// <summary>Country of the end user's headquarters or ultimate parent.</summary>
    public string? EndUserHqCountry { get; init; }

    /// <summary>Ultimate consignee (the end user when not given).</summary>
    public string? Consignee { get; init; }

    /// <summary>Free text describing the end use.</summary>
    public string? EndUse { get; init; }

    /// <summary>The text of each contract column as read, in <see cref="OrderColumns.All"/> order (null = absent or
    /// empty), when the line was read from text; null for lines built in code. Kept for the audit trail.</summary>
    public IReadOnlyList<string?>? Raw { get; init; }

    /// <summary>Problems found while reading the line (a default array counts as none).</summary>
    public ImmutableArray<FieldIssue> Issues { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Where the line is, for messages: "row 7 (line 8)" or "row 7".</summary>
    public string Where => SourceLine > 0 ? $"row {Row} (line {SourceLine})" : $"row {Row}";
}
