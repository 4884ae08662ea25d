namespace ChipScreen.Server.Contracts;

/// <summary>One order line as JSON: the CSV columns of the screening contract as properties (documentation of the
/// request body; the server reads bodies with <see cref="Orders.OrderJson"/>, which also accepts strings for numbers and
/// the ERP aliases of each column, and holds a line with a property that names no field).</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Line">The line within the order.</param>
/// <param name="ShipDate">YYYY-MM-DD; the year volumes count in; default the as-of date.</param>
/// <param name="Sku">A catalog part number (sku or tpp is required).</param>
/// <param name="Tpp">TPP of one chip; overrides the catalog.</param>
/// <param name="DieAreaMm2">Applicable die area of one chip in mm2.</param>
/// <param name="Datacenter">Designed or marketed for datacenters; unknown counts as true.</param>
/// <param name="ChipsPerUnit">Chips in one ordered unit; default 1.</param>
/// <param name="Quantity">Units ordered, a positive whole number.</param>
/// <param name="DestinationCountry">Ship-to country: ISO code or a common name.</param>
/// <param name="EndUser">The end user's name.</param>
/// <param name="EndUserCountry">The end user's country (the ultimate destination when given).</param>
/// <param name="EndUserHqCountry">The country of the end user's headquarters or ultimate parent.</param>
/// <param name="Consignee">The ultimate consignee; default the end user.</param>
/// <param name="EndUse">Free text describing the end use.</param>
internal sealed record OrderRequest(
    string OrderId,
    string? Line,
    DateOnly? ShipDate,
    string? Sku,
    decimal? Tpp,
    decimal? DieAreaMm2,
    bool? Datacenter,
    int? ChipsPerUnit,
    int Quantity,
    string DestinationCountry,
    string EndUser,
    string? EndUserCountry,
    string? EndUserHqCountry,
    string? Consignee,
    string? EndUse);
