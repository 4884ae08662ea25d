namespace ChipScreen.Screening;

/// <summary>The item of an order line as rule expressions see it (<c>line.Chip.Tpp</c>): catalog figures with the row's overrides applied.</summary>
/// <remarks>Immutable. Unknown figures are 0 / false; the line then carries a data error and is held.</remarks>
public sealed class ChipFacts
{
    internal ChipFacts(string sku, string name, decimal tpp, decimal? dieAreaMm2, decimal pd, bool datacenter, int chipsPerUnit, decimal memoryBandwidthGbs)
    {
        Sku = sku;
        Name = name;
        Tpp = tpp;
        DieAreaMm2 = dieAreaMm2 ?? 0;
        HasDieArea = dieAreaMm2 is not null;
        Pd = pd;
        Datacenter = datacenter;
        ChipsPerUnit = chipsPerUnit;
        MemoryBandwidthGbs = memoryBandwidthGbs;
    }

    /// <summary>Catalog SKU, or empty when the row gave explicit figures only.</summary>
    public string Sku { get; }

    /// <summary>Catalog name, or empty.</summary>
    public string Name { get; }

    /// <summary>TPP of one chip.</summary>
    public decimal Tpp { get; }

    /// <summary>Applicable die area in mm^2 (0 when unknown; see <see cref="HasDieArea"/>).</summary>
    public decimal DieAreaMm2 { get; }

    /// <summary>Whether a die area is known.</summary>
    public bool HasDieArea { get; }

    /// <summary>Performance density, TPP / die area (0 when the die area is unknown).</summary>
    public decimal Pd { get; }

    /// <summary>Designed or marketed for datacenters (unknown counts as true).</summary>
    public bool Datacenter { get; }

    /// <summary>Chips in one ordered unit.</summary>
    public int ChipsPerUnit { get; }

    /// <summary>Total DRAM bandwidth of one chip in GB/s (0 when unknown).</summary>
    public decimal MemoryBandwidthGbs { get; }
}
