namespace ChipScreen.Server.Contracts;

/// <summary>One order line as JSON: the CSV columns of the screening contract as properties (documentation of the
/// request body; the server reads bodies with <see cref="Orders.OrderJson"/>, which also accepts strings for numbers and
/// the ERP aliases of each column, and holds a line with a property that names no field).</summary>
/// <remarks>Only the fields an order is refused without (<see cref="Orders.OrderColumns.Required"/>) are <c>required</c>
/// members: that is what the OpenAPI document lists as required. Sku or tpp must be given too, but neither alone.</remarks>
internal sealed record OrderRequest
{
    /// <summary>The order.</summary>
    public required string OrderId { get; init; }

    /// <summary>The line within the order.</summary>
    public string? Line { get; init; }

    /// <summary>YYYY-MM-DD; the year volumes count in; default the as-of date.</summary>
    public DateOnly? ShipDate { get; init; }

    /// <summary>A catalog part number (sku or tpp is required).</summary>
    public string? Sku { get; init; }

    /// <summary>TPP of one chip; overrides the catalog.</summary>
    public decimal? Tpp { get; init; }

    /// <summary>Applicable die area of one chip in mm2.</summary>
    public decimal? DieAreaMm2 { get; init; }

    /// <summary>Designed or marketed for datacenters; unknown counts as true.</summary>
    public bool? Datacenter { get; init; }

    /// <summary>Chips in one ordered unit; default 1.</summary>
    public int? ChipsPerUnit { get; init; }

    /// <summary>Units ordered, a positive whole number.</summary>
    public required int Quantity { get; init; }

    /// <summary>Ship-to country: ISO code or a common name.</summary>
    public required string DestinationCountry { get; init; }

    /// <summary>The end user's name.</summary>
    public required string EndUser { get; init; }

    /// <summary>The end user's country (the ultimate destination when given).</summary>
    public string? EndUserCountry { get; init; }

    /// <summary>The country of the end user's headquarters or ultimate parent.</summary>
    public string? EndUserHqCountry { get; init; }

    /// <summary>The ultimate consignee; default the end user.</summary>
    public string? Consignee { get; init; }

    /// <summary>Free text describing the end use.</summary>
    public string? EndUse { get; init; }
}
