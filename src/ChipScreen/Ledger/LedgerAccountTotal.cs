using ChipScreen.Volumes;

namespace ChipScreen.Ledger;

/// <summary>An account's total as the ledger holds it: the sum of its active entries.</summary>
/// <param name="Account">The limit.</param>
/// <param name="Key">The consignee's name key, or the country code.</param>
/// <param name="Period">The year, or the allocation period id.</param>
/// <param name="PeriodFrom">The period's first day.</param>
/// <param name="PeriodTo">The period's last day.</param>
/// <param name="Total">TPP committed (active entries only).</param>
/// <param name="ActiveEntries">How many active entries make the total.</param>
public sealed record LedgerAccountTotal(VolumeAccount Account, string Key, string Period, DateOnly PeriodFrom, DateOnly PeriodTo, decimal Total, long ActiveEntries)
{
    /// <summary>A consignee's name as its latest active entry writes it ("Lake Compute Ltd."), since the key
    /// (<c>LAKECOMPUTELTD</c>) is for matching, not for reading; null for a country's allocation, or with no active entry.</summary>
    public string? Name { get; init; }
}
