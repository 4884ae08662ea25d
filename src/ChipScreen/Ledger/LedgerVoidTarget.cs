namespace ChipScreen.Ledger;

/// <summary>What a void may name: a whole order, or one line of it.</summary>
/// <param name="OrderId">The order id as written.</param>
/// <param name="Line">The line (by its number: "01" is line 1), or null for every line of the order.</param>
public sealed record LedgerVoidTarget(string OrderId, string? Line = null);

/// <summary>What <see cref="VolumeLedger.Void(IReadOnlyList{LedgerVoidTarget}, string)"/> found and did.</summary>
/// <param name="Found">The targets that had active entries when the void looked, with how many, in the order given.</param>
/// <param name="Voided">The entries voided: those of the one target found; 0 when none or several were found, and then
/// nothing was voided.</param>
public sealed record LedgerVoidResult(IReadOnlyList<(LedgerVoidTarget Target, long ActiveEntries)> Found, int Voided);
