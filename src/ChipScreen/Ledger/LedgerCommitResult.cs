namespace ChipScreen.Ledger;

/// <summary>What a commit did to the ledger.</summary>
/// <param name="Added">Entries added (new lines, or lines whose consumption changed).</param>
/// <param name="Replaced">Earlier entries of the batch's lines that stopped counting (kept as history).</param>
/// <param name="Unchanged">Entries that were already in the ledger exactly as the batch would add them.</param>
/// <param name="Attempts">Transactions it took (more than 1 after losing to concurrent commits).</param>
/// <param name="Redecided">Whether the batch was screened again under lock because another commit had changed the
/// volumes its first screening assumed; the outputs hold the decisions of that second screening.</param>
/// <param name="Elapsed">Wall time of the commit: finishing the staged postings, every attempt, to the end of the
/// transaction (not written to reports; the benchmark reads it).</param>
public sealed record LedgerCommitResult(long Added, long Replaced, long Unchanged, int Attempts, bool Redecided, TimeSpan Elapsed);
