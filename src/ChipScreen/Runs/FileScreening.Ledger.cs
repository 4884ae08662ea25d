using ChipScreen.Ledger;
using ChipScreen.Rules;
using ChipScreen.Screening;

namespace ChipScreen.Runs;

/// <summary>A run against the ledger: read it for the baseline, and commit the consuming lines when asked.</summary>
public sealed partial class FileScreening
{
    /// <summary>Screens the batch after what the ledger holds (less the batch's own earlier entries) into the partial
    /// outputs and, with a commit, records its consuming lines; if a concurrent commit changed the volumes, the batch is
    /// screened again under the commit's lock and the outputs hold those final decisions.</summary>
    private (Screened Screened, LedgerUse Use) ScreenWithLedger(RunRequest request, RulePack pack, BatchScreener screener, Orders.OrderCsvFile source,
        DateOnly asOf, string runId, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var directory = request.OutputDirectory;
        using var ledger = VolumeLedger.Open(request.Ledger!, time, write: request.Commit);
        using var batch = ledger.BeginBatch(pack.Volumes, request.Commit);
        var plan = screener.Plan(source, asOf, batch.Baseline, batch.AddLine);
        batch.EndPlan();
        var screened = ScreenInto(directory, screener, source, asOf, plan, request.Commit ? batch.Add : null, progress, cancellationToken);
        try
        {
            LedgerCommitResult? result = null;
            if (request.Commit)
            {
                var record = new LedgerRunRecord(runId, ToolVersion, pack.Manifest.Id, pack.Revision, asOf, source.Sha256!, plan.Lines);
                result = batch.Commit(record, plan.Volumes, locked =>
                {
                    screened.Html.Dispose();
                    var again = screener.Plan(source, asOf, locked);
                    screened = ScreenInto(directory, screener, source, asOf, again, batch.Add, progress, cancellationToken);
                    return again.Volumes;
                });
            }
            return (screened, new LedgerUse(ledger.Location.Kind, ledger.Location.Display, ledger.SchemaVersion, result));
        }
        catch
        {
            screened.Html.Dispose();
            throw;
        }
    }
}
