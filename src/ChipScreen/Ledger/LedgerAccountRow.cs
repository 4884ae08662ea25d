namespace ChipScreen.Ledger;

/// <summary>An account with its period's bounds, as a commit creates and locks it.</summary>
/// <param name="Key">The account.</param>
/// <param name="From">The period's first day.</param>
/// <param name="To">The period's last day.</param>
internal readonly record struct LedgerAccountRow(LedgerAccountKey Key, DateOnly From, DateOnly To);
