namespace ChipScreen.Volumes;

/// <summary>The volumes a batch's lines find before them, settled in ship-date order; and the totals before and after the batch.</summary>
/// <remarks>Immutable once built. Lookups by row are a binary search over the volume-dependent lines only.</remarks>
public sealed class VolumePlan
{
    private readonly long[] _rows;
    private readonly decimal[] _consigneeBefore;
    private readonly decimal[] _countryBefore;
    private readonly byte[] _consumes;

    internal VolumePlan(long[] rows, decimal[] consigneeBefore, decimal[] countryBefore, byte[] consumes,
        IReadOnlyList<VolumeTotal> consigneeTotals, IReadOnlyList<VolumeTotal> countryTotals)
    {
        _rows = rows;
        _consigneeBefore = consigneeBefore;
        _countryBefore = countryBefore;
        _consumes = consumes;
        ConsigneeTotals = consigneeTotals;
        CountryTotals = countryTotals;
    }

    /// <summary>A plan for a batch with no volume-dependent line.</summary>
    public static VolumePlan Empty { get; } = new([], [], [], [], [], []);

    /// <summary>The number of lines whose decision depended on a volume limit.</summary>
    public int DependentLines => _rows.Length;

    /// <summary>Per consignee and year: volume before and after the batch (sorted by key).</summary>
    public IReadOnlyList<VolumeTotal> ConsigneeTotals { get; }

    /// <summary>Per country and allocation period: licensed volume before and after the batch (sorted by key).</summary>
    public IReadOnlyList<VolumeTotal> CountryTotals { get; }

    internal bool TryFind(long row, out decimal consigneeBefore, out decimal countryBefore, out byte consumes)
    {
        var i = Array.BinarySearch(_rows, row);
        if (i < 0)
        {
            consigneeBefore = countryBefore = 0;
            consumes = 0;
            return false;
        }
        consigneeBefore = _consigneeBefore[i];
        countryBefore = _countryBefore[i];
        consumes = _consumes[i];
        return true;
    }
}

/// <summary>A volume account's total before and after a batch.</summary>
/// <param name="Key">The consignee (name key) or the country code.</param>
/// <param name="Period">The calendar year, or the allocation period id.</param>
/// <param name="Before">Volume before the batch (the baseline).</param>
/// <param name="After">Volume after the batch's consuming lines.</param>
/// <param name="Limit">The limit of the account.</param>
public sealed record VolumeTotal(string Key, string Period, decimal Before, decimal After, decimal Limit)
{
    /// <summary>For a consignee's account, the consignee's name as the batch's first line of the account gives it (the key
    /// alone, "JOHORHYPERSCALESDNBHD", is hard to read back); null for a country's.</summary>
    public string? Name { get; init; }
}
