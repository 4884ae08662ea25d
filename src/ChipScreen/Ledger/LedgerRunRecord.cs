namespace ChipScreen.Ledger;

/// <summary>The run a commit records in <c>ledger_runs</c>.</summary>
/// <param name="RunId">The run id (as in report.json and the audit log).</param>
/// <param name="ToolVersion">ChipScreen's version.</param>
/// <param name="PackId">The rule pack.</param>
/// <param name="PackRevision">The pack's revision.</param>
/// <param name="AsOf">The as-of date.</param>
/// <param name="InputSha256">SHA-256 of the input.</param>
/// <param name="Lines">Lines in the batch.</param>
internal sealed record LedgerRunRecord(string RunId, string ToolVersion, string PackId, string PackRevision, DateOnly AsOf, string InputSha256, long Lines);
