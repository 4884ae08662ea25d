using System.Globalization;

namespace ChipScreen.Volumes;

/// <summary>The volume limits as a line's rules see them (<c>line.Volume.ConsigneeYearFits</c>).</summary>
/// <remarks>
/// Rules decide on the two booleans only; the numbers are for messages. Reading a boolean marks the line as
/// depending on volumes, which is how the batch screener knows to settle it in ship-date order (see
/// <see cref="VolumePlanner"/>). One instance per line, reset between its evaluations (a worker may reuse it for its next line); not shared between threads.
/// </remarks>
public sealed class VolumeView
{
    private bool _consigneeYearFits;
    private bool _countryAllocationFits;

    internal VolumeView(VolumeState state, bool consigneeYearFits, bool countryAllocationFits)
    {
        State = state;
        _consigneeYearFits = consigneeYearFits;
        _countryAllocationFits = countryAllocationFits;
    }

    internal VolumeState State { get; private set; }

    /// <summary>The same numbers with other fit flags, for the next evaluation of the same line (one view per line rather
    /// than one per evaluation); <see cref="Touched"/> starts again from false.</summary>
    internal VolumeView With(bool consigneeYearFits, bool countryAllocationFits)
    {
        _consigneeYearFits = consigneeYearFits;
        _countryAllocationFits = countryAllocationFits;
        Touched = false;
        return this;
    }

    /// <summary>Another line's numbers and flags: a worker reuses one view for the lines it evaluates one after the other,
    /// when nothing keeps the line's facts afterwards.</summary>
    internal VolumeView For(VolumeState state, bool consigneeYearFits, bool countryAllocationFits)
    {
        State = state;
        return With(consigneeYearFits, countryAllocationFits);
    }

    /// <summary>Whether a rule read a fit flag.</summary>
    internal bool Touched { get; private set; }

    /// <summary>Whether the consignee's volume this calendar year, this line included, stays within the consignee limit (LPP).</summary>
    public bool ConsigneeYearFits
    {
        get
        {
            Touched = true;
            return _consigneeYearFits;
        }
    }

    /// <summary>Whether the destination's allocation, this line included, stays within its limit; true where no allocation applies.</summary>
    public bool CountryAllocationFits
    {
        get
        {
            Touched = true;
            return _countryAllocationFits;
        }
    }

    /// <summary>The line's volume: TPP x chips per unit x quantity.</summary>
    public decimal LineVolume => State.LineVolume;

    /// <summary>The consignee's volume this calendar year before this line (ledger and earlier lines).</summary>
    public decimal ConsigneeYearBefore => State.ConsigneeYearBefore;

    /// <summary>The consignee's volume this calendar year with this line.</summary>
    public decimal ConsigneeYearAfter => State.ConsigneeYearBefore + State.LineVolume;

    /// <summary>The consignee limit per calendar year.</summary>
    public decimal ConsigneeYearLimit => State.ConsigneeYearLimit;

    /// <summary>Whether the destination has a country allocation (its tier is one the allocation covers).</summary>
    public bool CountryHasAllocation => State.CountryHasAllocation;

    /// <summary>The allocation period covering the ship date (e.g. <c>2025-2027</c>), or empty.</summary>
    public string AllocationPeriod => State.AllocationPeriod;

    /// <summary>Licensed volume already counted against the destination's allocation.</summary>
    public decimal CountryAllocationBefore => State.CountryAllocationBefore;

    /// <summary>The allocation used with this line.</summary>
    public decimal CountryAllocationAfter => State.CountryAllocationBefore + State.LineVolume;

    /// <summary>The allocation for the period (0 when no period covers the ship date).</summary>
    public decimal CountryAllocationLimit => State.CountryAllocationLimit;

    /// <summary>The allocation in words, for messages: "allocation 2025-2027: 49,024,000 of 790,000,000 TPP with this line".</summary>
    public string AllocationSummary =>
        !CountryHasAllocation ? "no country allocation applies to this destination"
        : AllocationPeriod.Length == 0 ? "no allocation period covers the ship date"
        : string.Create(CultureInfo.InvariantCulture, $"allocation {AllocationPeriod}: {CountryAllocationAfter:N0} of {CountryAllocationLimit:N0} TPP with this line");
}
