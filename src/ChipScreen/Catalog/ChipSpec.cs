namespace ChipScreen.Catalog;

/// <summary>One orderable part of the chip catalog, with the figures classification needs.</summary>
/// <param name="Sku">Catalog part number (matched case-insensitively).</param>
/// <param name="Name">Product name.</param>
/// <param name="Vendor">Designer of the chip.</param>
/// <param name="Tpp">Total processing performance of one chip.</param>
/// <param name="DieAreaMm2">Applicable die area of one chip in mm^2, when published.</param>
/// <param name="Datacenter">Whether the part is designed or marketed for datacenters.</param>
/// <param name="ChipsPerUnit">Chips in one ordered unit (8 for an 8-GPU board).</param>
/// <param name="MemoryBandwidthGbs">Total DRAM bandwidth of one chip in GB/s, when published.</param>
/// <param name="Source">Where the figures come from.</param>
public sealed record ChipSpec(
    string Sku,
    string Name,
    string Vendor,
    decimal Tpp,
    decimal? DieAreaMm2,
    bool Datacenter,
    int ChipsPerUnit,
    decimal? MemoryBandwidthGbs,
    string Source);
