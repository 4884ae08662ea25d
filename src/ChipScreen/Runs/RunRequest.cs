namespace ChipScreen.Runs;

/// <summary>What to screen and where to write: the arguments of <c>chipscreen screen</c>.</summary>
/// <param name="OrdersPath">The orders CSV.</param>
/// <param name="RulesDirectory">The rules directory.</param>
/// <param name="PackId">The pack; null for the pack in force on the as-of date.</param>
/// <param name="AsOf">The as-of date; null for today.</param>
/// <param name="OutputDirectory">Where decisions.csv, audit.jsonl, report.json and report.html go (created if needed).</param>
/// <param name="AuditLogPath">The append-only audit log; null for <c>audit-log.jsonl</c> in the output directory.</param>
/// <param name="Ledger">The ledger whose volumes the batch counts after; null to count from zero.</param>
/// <param name="Commit">Whether to record the batch's consuming lines in the ledger (in one transaction); without it the ledger is only read.</param>
public sealed record RunRequest(string OrdersPath, string RulesDirectory, string? PackId, DateOnly? AsOf, string OutputDirectory, string? AuditLogPath = null,
    Ledger.LedgerOptions? Ledger = null, bool Commit = false)
{
    /// <summary>The audit log this run appends to.</summary>
    public string AuditLog => AuditLogPath ?? Path.Combine(OutputDirectory, Reports.AuditLog.DefaultFileName);

    /// <summary>Restricted-party list files screened besides the pack's own (<c>--list</c>), in order.</summary>
    public IReadOnlyList<string> Lists { get; init; } = [];

    /// <summary>Columns of the orders file that ChipScreen does not read and is to ignore although their names look like
    /// screening columns (<c>--ignore-column</c>), as given; without it such a column stops the run
    /// (<see cref="Orders.OrderColumns.LooksLike"/>).</summary>
    public IReadOnlyList<string> IgnoreColumns { get; init; } = [];
}
