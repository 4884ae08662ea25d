using ChipScreen.Orders;
using ChipScreen.Screening;
using ChipScreen.Volumes;

namespace ChipScreen.Rules;

/// <summary>Screens one batch under two packs and keeps the lines whose decision (or license exception) changes: what a
/// rule change would do to real orders. The engine of <c>chipscreen rules diff</c>.</summary>
/// <remarks>Both screenings are whole batches through <see cref="BatchScreener"/> (volumes settle within each, from the
/// same baseline), so a line that changes only because an earlier line's volume changed is shown too. Memory grows only
/// with the changed lines. Deterministic.</remarks>
public static class PackDiff
{
    /// <summary>Compares <paramref name="from"/> and <paramref name="to"/> on <paramref name="source"/>.</summary>
    /// <param name="from">The pack the batch was screened under.</param>
    /// <param name="to">The pack to compare with.</param>
    /// <param name="source">The batch; read four times (plan and decide under each pack).</param>
    /// <param name="asOf">The as-of date of both screenings.</param>
    /// <param name="baseline">Volumes already used (the ledger); none when null.</param>
    public static PackDiffResult Compare(RulePack from, RulePack to, IOrderSource source, DateOnly asOf, IVolumeBaseline? baseline = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(source);
        var changes = new List<PackDiffLine>();
        long lines = 0;
        using var before = new BatchScreener(from).Screen(source, asOf, baseline).GetEnumerator();
        using var after = new BatchScreener(to).Screen(source, asOf, baseline).GetEnumerator();
        while (before.MoveNext())
        {
            if (!after.MoveNext())
                throw new InvalidOperationException("the batch gave fewer lines the second time it was read");
            lines++;
            var (b, a) = (before.Current, after.Current);
            if (b.Decision != a.Decision || (b.Exception ?? "") != (a.Exception ?? ""))
                changes.Add(new PackDiffLine(b, a));
        }
        return new PackDiffResult(from.Id, from.Revision, to.Id, to.Revision, asOf, lines, changes);
    }
}
