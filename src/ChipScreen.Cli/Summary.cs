using System.Globalization;
using ChipScreen.Runs;
using ChipScreen.Screening;

namespace ChipScreen.Cli;

/// <summary>The one-screen summary of a run, for the terminal.</summary>
internal static class Summary
{
    public static void Write(TextWriter w, RunRequest request, RunReport report)
    {
        var s = report.Summary;
        w.WriteLine(Invariant($"ChipScreen {report.ToolVersion}: screened {s.Lines:N0} line{(s.Lines == 1 ? "" : "s")} of {TerminalText.Safe(request.OrdersPath)}"));
        w.WriteLine(Invariant($"pack {report.Pack.Id} {report.Pack.Version} (revision {report.PackRevision[..12]}), as of {report.AsOf:yyyy-MM-dd}"));
        if (report.ListFiles.Count > 0)
            w.WriteLine($"party lists: the pack's own and {string.Join(", ", report.ListFiles.Select(f => f.Path))}");
        if (report.PackWarning is { } warning)
            w.WriteLine($"WARNING: {warning}");
        if (report.ShipDateWarning is { } shipping)
            w.WriteLine($"WARNING: {shipping}");
        if (report.IgnoredColumns.Count > 0)
            w.WriteLine($"columns not read (ignored): {string.Join(", ", report.IgnoredColumns.Select(c => $"'{c}'"))}" +
                (report.IgnoreColumnOptions.Count > 0 ? $"; as asked with --ignore-column: {string.Join(", ", report.IgnoreColumnOptions.Select(c => $"'{c}'"))}" : ""));
        w.WriteLine();
        foreach (var (decision, count) in s.ByDecision)
        {
            var detail = decision == Decision.LicenseException && s.ByException.Count > 0
                ? "   (" + string.Join(", ", s.ByException.Select(e => Invariant($"{e.Key} {e.Value:N0}"))) + ")"
                : "";
            w.WriteLine(Invariant($"  {decision.ToContractString(),-18} {count,9:N0}{detail}"));
        }
        if (s.ByPartyVerdict.Any(v => v.Lines > 0))
            w.WriteLine("  lines with a restricted-party hit: " +
                string.Join(", ", s.ByPartyVerdict.Select(v => Invariant($"{v.Lines:N0} {Parties.Verdicts.Describe(v.Verdict)}"))));
        w.WriteLine();
        if (report.Volumes.DependentLines > 0)
            w.WriteLine(Invariant($"volumes settled in ship-date order for {report.Volumes.DependentLines:N0} line{(report.Volumes.DependentLines == 1 ? "" : "s")}"));
        if (report.Ledger is { } ledger)
            w.WriteLine(ledger.Commit is { } c
                ? Invariant($"committed to ledger {ledger.Location}: {c.Added:N0} entr{(c.Added == 1 ? "y" : "ies")} added, {c.Replaced:N0} replaced, {c.Unchanged:N0} unchanged{(c.Redecided ? " (re-decided under lock: another commit had changed the volumes)" : "")}")
                : $"counted after ledger {ledger.Location} (read only; --commit records the batch)");
        else
            w.WriteLine("no ledger: volumes count from zero (--ledger counts earlier batches)");
        w.WriteLine($"wrote {string.Join(", ", new[] { FileScreening.DecisionsFile, FileScreening.AuditFile, FileScreening.ReportFile, FileScreening.HtmlFile }.Select(f => Path.Combine(request.OutputDirectory, f)))}");
        w.WriteLine($"recorded the run in {request.AuditLog}");
        if (s.Count(Decision.Prohibited) + s.Count(Decision.Hold) > 0)
            w.WriteLine("PROHIBITED and HOLD lines must not ship; see the message column for why.");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
