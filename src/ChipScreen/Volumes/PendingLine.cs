namespace ChipScreen.Volumes;

/// <summary>A line whose decision depends on volume limits, as the planner keeps it: its keys and its outcome in each case.</summary>
/// <param name="Row">Its row in the batch.</param>
/// <param name="ShipDate">Its ship date (the order volumes accumulate in, then row).</param>
/// <param name="ConsigneeKey">The consignee's name key.</param>
/// <param name="Country">The ultimate destination.</param>
/// <param name="Period">The allocation period covering the ship date, if the destination has an allocation.</param>
/// <param name="HasAllocation">Whether the destination has an allocation at all.</param>
/// <param name="LineVolume">TPP x chips per unit x quantity.</param>
/// <param name="Outcomes">What the line consumes in each of the four cases, two bits per case (see <see cref="VolumePlanner.Case"/>).</param>
internal sealed record PendingLine(
    long Row,
    DateOnly ShipDate,
    string ConsigneeKey,
    string Country,
    string? Period,
    bool HasAllocation,
    decimal LineVolume,
    byte Outcomes);
