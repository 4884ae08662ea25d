using System.Collections.Frozen;

namespace ChipScreen.Countries;

/// <summary>A dated change to a country group (a country leaving D:5, joining A:5), with its source.</summary>
/// <param name="Date">The day the change takes effect; screenings as of that day or later see it.</param>
/// <param name="Group">The group changed.</param>
/// <param name="Add">Countries that join the group.</param>
/// <param name="Remove">Countries that leave it.</param>
/// <param name="Source">Where the change is published (e.g. a Federal Register citation or a BIS announcement).</param>
public sealed record GroupChange(DateOnly Date, string Group, IReadOnlyList<string> Add, IReadOnlyList<string> Remove, string Source)
{
    /// <summary>The group's members after the change: <paramref name="members"/> without those it removes, with those it adds.</summary>
    internal FrozenSet<string> AppliedTo(IEnumerable<string> members) => members.Except(Remove).Union(Add).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The change as text: <c>2026-02-03 D:5 -KH (BIS, 2026-02-03)</c>.</summary>
    public override string ToString() =>
        $"{Date:yyyy-MM-dd} {Group} {string.Join(" ", Add.Select(c => "+" + c).Concat(Remove.Select(c => "-" + c)))} ({Source})";
}
