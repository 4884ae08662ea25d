namespace ChipScreen.Volumes;

/// <summary>The numbers behind a line's volume checks.</summary>
/// <param name="LineVolume">TPP x chips per unit x quantity.</param>
/// <param name="ConsigneeYearBefore">Consignee's volume this year before the line.</param>
/// <param name="ConsigneeYearLimit">Consignee limit per year.</param>
/// <param name="CountryHasAllocation">Whether an allocation applies to the destination.</param>
/// <param name="AllocationPeriod">The allocation period id, or empty.</param>
/// <param name="CountryAllocationBefore">Allocation used before the line.</param>
/// <param name="CountryAllocationLimit">Allocation for the period.</param>
internal readonly record struct VolumeState(
    decimal LineVolume,
    decimal ConsigneeYearBefore,
    decimal ConsigneeYearLimit,
    bool CountryHasAllocation,
    string AllocationPeriod,
    decimal CountryAllocationBefore,
    decimal CountryAllocationLimit)
{
    /// <summary>Whether the consignee stays within its yearly limit with this line.</summary>
    public bool ConsigneeYearFits => ConsigneeYearBefore + LineVolume <= ConsigneeYearLimit;

    /// <summary>Whether the allocation holds with this line (true where none applies; false when no period covers the date).</summary>
    public bool CountryAllocationFits => !CountryHasAllocation || (AllocationPeriod.Length > 0 && CountryAllocationBefore + LineVolume <= CountryAllocationLimit);
}
