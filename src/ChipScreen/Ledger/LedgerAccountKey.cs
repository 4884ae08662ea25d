using ChipScreen.Volumes;

namespace ChipScreen.Ledger;

/// <summary>One volume account of the ledger: a consignee's calendar year, or a country's allocation period.</summary>
/// <param name="Account">Which limit.</param>
/// <param name="Key">The consignee's name key, or the country code.</param>
/// <param name="Period">The year (<c>2025</c>) or the allocation period id (<c>2025-2027</c>).</param>
internal readonly record struct LedgerAccountKey(VolumeAccount Account, string Key, string Period);
