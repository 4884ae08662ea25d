using ChipScreen.Volumes;

namespace ChipScreen.Ledger;

/// <summary>One committed volume: an order line's consumption of one account, as the ledger keeps it.</summary>
/// <param name="EntryId">The ledger's sequence number of the entry.</param>
/// <param name="OrderId">The order.</param>
/// <param name="Line">The line within the order, by its number (<c>1</c> for a line given as <c>01</c>).</param>
/// <param name="Account">The limit it counts against.</param>
/// <param name="AccountKey">The consignee's name key (consignee-year) or the country code (allocation).</param>
/// <param name="Period">The year, or the allocation period id.</param>
/// <param name="Volume">TPP x chips per unit x quantity.</param>
/// <param name="Consignee">The ultimate consignee as written.</param>
/// <param name="ConsigneeKey">The consignee's name key.</param>
/// <param name="Destination">The ultimate destination (ISO code).</param>
/// <param name="ShipDate">The ship date.</param>
/// <param name="Decision">The line's final decision (<c>LICENSE_EXCEPTION</c>, <c>LICENSE_REQUIRED</c>).</param>
/// <param name="Exception">The license exception, or empty.</param>
/// <param name="RunId">The run that committed it.</param>
/// <param name="CommittedAt">When (UTC).</param>
/// <param name="Status">Active, replaced or voided.</param>
/// <param name="EndedAt">When it stopped counting, if it did.</param>
/// <param name="EndedBy">The run that replaced it, or <c>void</c>.</param>
/// <param name="EndReason">Why it stopped counting.</param>
public sealed record LedgerEntry(
    long EntryId,
    string OrderId,
    string Line,
    VolumeAccount Account,
    string AccountKey,
    string Period,
    decimal Volume,
    string Consignee,
    string ConsigneeKey,
    string Destination,
    DateOnly ShipDate,
    string Decision,
    string Exception,
    string RunId,
    DateTimeOffset CommittedAt,
    LedgerEntryStatus Status,
    DateTimeOffset? EndedAt,
    string? EndedBy,
    string? EndReason);
