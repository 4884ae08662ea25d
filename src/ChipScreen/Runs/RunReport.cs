using ChipScreen.Reports;
using ChipScreen.Rules;
using ChipScreen.Volumes;

namespace ChipScreen.Runs;

/// <summary>What a run did, for <c>report.json</c>: provenance (tool, pack, hashes), counts and volumes.</summary>
/// <param name="RunId">A unique id of the run (time and random part).</param>
/// <param name="ToolVersion">ChipScreen's version.</param>
/// <param name="StartedAt">When the run started (UTC).</param>
/// <param name="FinishedAt">When it finished (UTC).</param>
/// <param name="AsOf">The as-of date.</param>
/// <param name="Pack">The pack's manifest.</param>
/// <param name="PackRevision">The pack revision (SHA-256 over its files).</param>
/// <param name="RuleFiles">Every rule file with its SHA-256.</param>
/// <param name="InputPath">The orders file as given.</param>
/// <param name="InputSha256">SHA-256 of the orders file.</param>
/// <param name="IgnoredColumns">Columns of the file that ChipScreen does not read.</param>
/// <param name="Summary">The counts.</param>
/// <param name="Volumes">The volume plan (totals before and after).</param>
/// <param name="Outputs">Output files with their SHA-256 (decisions.csv and audit.jsonl).</param>
/// <param name="RulesDirectory">The rules directory as given.</param>
/// <param name="Ledger">The ledger the run counted after and whether it committed; null when it used none.</param>
public sealed record RunReport(
    string RunId,
    string ToolVersion,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    DateOnly AsOf,
    PackManifest Pack,
    string PackRevision,
    IReadOnlyList<PackFile> RuleFiles,
    string InputPath,
    string InputSha256,
    IReadOnlyList<string> IgnoredColumns,
    BatchSummary Summary,
    VolumePlan Volumes,
    IReadOnlyList<PackFile> Outputs,
    string RulesDirectory,
    Ledger.LedgerUse? Ledger = null)
{
    /// <summary>The restricted-party list files added to the pack for this run (<c>--list</c>), by the path given,
    /// with their SHA-256; they are not in <see cref="RuleFiles"/>.</summary>
    public IReadOnlyList<PackFile> ListFiles { get; init; } = [];

    /// <summary>The audit log the run was appended to, as given; null for <c>audit-log.jsonl</c> beside the outputs.</summary>
    public string? AuditLogPath { get; init; }

    /// <summary>The columns the run was told to ignore although they look like screening columns (<c>--ignore-column</c>),
    /// as given; they are among <see cref="IgnoredColumns"/> when the file has them.</summary>
    public IReadOnlyList<string> IgnoreColumnOptions { get; init; } = [];

    /// <summary>Whether the pack is in force on the as-of date. A pack named outside its dates (a what-if, or a
    /// mistake) screens by rules that were not the law on that date, which every output says.</summary>
    public bool PackInForce => Pack.InForceOn(AsOf);

    /// <summary>Why the run's decisions may not be the law on its as-of date; null when the pack is in force.</summary>
    public string? PackWarning => Pack.WarningOn(AsOf);

    /// <summary>Why some lines' decisions may not hold on the day they ship: they ship on or after the day the run's rules
    /// change (the pack ends, or a dated group change of it takes effect); null when no line does.</summary>
    public string? ShipDateWarning => Summary.AfterChange is not { } after ? null : string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{after.Lines:N0} line{(after.Lines == 1 ? "" : "s")} ship{(after.Lines == 1 ? "s" : "")} {(after.First == after.Last ? $"on {after.First:yyyy-MM-dd}" : $"from {after.First:yyyy-MM-dd} to {after.Last:yyyy-MM-dd}")}, on or after {after.Change.On:yyyy-MM-dd}, when the rules of this run change ({after.Change.What}): {(after.Lines == 1 ? "its decision holds" : "their decisions hold")} for the as-of date {AsOf:yyyy-MM-dd}; screen {(after.Lines == 1 ? "it" : "them")} again as of the ship date before shipping");
}
