using System.Collections.Frozen;
using ChipScreen.Volumes;

namespace ChipScreen.Screening;

/// <summary>What the first pass over a batch settles for the second: volumes in ship-date order, the line
/// numbers of rows that gave none, and the rows whose order line is on other rows too.</summary>
/// <remarks>
/// A row without a line number takes its position within its order, which needs every earlier row of the order;
/// the first pass, which sees rows in order, counts them, so the second pass can decide rows independently.
/// Immutable.
/// </remarks>
public sealed class BatchPlan
{
    private readonly FrozenDictionary<long, int> _lineNumbers;

    internal BatchPlan(VolumePlan volumes, IDictionary<long, int> lineNumbers, long lines, DuplicateLines? duplicates = null)
    {
        Volumes = volumes;
        Duplicates = duplicates ?? DuplicateLines.None;
        _lineNumbers = lineNumbers.ToFrozenDictionary();
        Lines = lines;
    }

    /// <summary>The settled volumes.</summary>
    public VolumePlan Volumes { get; }

    /// <summary>The number of lines in the batch.</summary>
    public long Lines { get; }

    /// <summary>The rows whose order line is on more than one row: every one is held, and consumes nothing.</summary>
    internal DuplicateLines Duplicates { get; }

    /// <summary>The line number a row without one takes (its position within its order).</summary>
    internal bool TryLineNumber(long row, out int line) => _lineNumbers.TryGetValue(row, out line);
}
