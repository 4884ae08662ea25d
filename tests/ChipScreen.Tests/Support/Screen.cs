using ChipScreen.Orders;
using ChipScreen.Rules;
using ChipScreen.Screening;

namespace ChipScreen.Tests.Support;

/// <summary>Builds order lines and screens them under the shipped ai-diffusion-2025 pack.</summary>
internal static class Screen
{
    private static readonly Lazy<RulePack> s_pack = new(() => RulePackLoader.Load(Repo.Rules, "ai-diffusion-2025", AsOf));

    public static DateOnly AsOf { get; } = new(2025, 12, 31);

    public static RulePack Pack => s_pack.Value;

    /// <summary>An order line with test defaults: one datacenter chip of TPP 15,832 (an H100) to Germany. Without a
    /// <paramref name="line"/> it gives none, so the rows of a batch made of such lines take their positions in order T-1
    /// (1, 2, 3, ...), as a file without a line column does, and are distinct lines (one order line on two rows holds
    /// both).</summary>
    public static OrderLine Line(
        string destination = "DE",
        string? sku = null,
        decimal? tpp = 15832,
        decimal? die = 814,
        bool? datacenter = true,
        int? chipsPerUnit = null,
        int? quantity = 1,
        string endUser = "Test Buyer GmbH",
        string? endUserCountry = null,
        string? hq = null,
        string? consignee = null,
        string? endUse = null,
        DateOnly? shipDate = null,
        string order = "T-1",
        string line = "") => new()
        {
            OrderId = order,
            Line = line,
            Sku = sku,
            Tpp = sku is null ? tpp : null,
            DieAreaMm2 = sku is null ? die : null,
            Datacenter = sku is null ? datacenter : null,
            ChipsPerUnit = chipsPerUnit,
            Quantity = quantity,
            DestinationCountry = destination,
            EndUser = endUser,
            EndUserCountry = endUserCountry,
            EndUserHqCountry = hq,
            Consignee = consignee,
            EndUse = endUse,
            ShipDate = shipDate ?? new DateOnly(2025, 6, 1),
        };

    /// <summary>Screens lines as one batch (rows numbered in order).</summary>
    public static IReadOnlyList<LineDecision> Batch(params OrderLine[] lines) => Batch(Pack, lines);

    public static IReadOnlyList<LineDecision> Batch(RulePack pack, params OrderLine[] lines)
    {
        var numbered = lines.Select((l, i) => l with { Row = i + 1 }).ToArray();
        return new BatchScreener(pack).Screen(new OrderLines(numbered), AsOf).ToList();
    }

    /// <summary>Screens one line on its own.</summary>
    public static LineDecision One(OrderLine line) => Batch(line)[0];
}
