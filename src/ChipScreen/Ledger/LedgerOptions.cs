namespace ChipScreen.Ledger;

/// <summary>Which ledger a run reads (and commits to), and how hard a commit tries.</summary>
/// <param name="Location">An SQLite file path (the default store; the file is created by the first commit) or a
/// PostgreSQL connection string (<c>Host=...;Database=...;Username=...</c>, or a <c>postgresql://</c> URI).</param>
/// <remarks>Immutable. <see cref="Validate"/> reports every problem at once.</remarks>
public sealed record LedgerOptions(string Location)
{
    /// <summary>The fewest attempts a commit may be given.</summary>
    public const int MinCommitAttempts = 1;

    /// <summary>The most attempts a commit may be given.</summary>
    public const int MaxCommitAttempts = 100;

    /// <summary>How many times a commit starts over after losing to a concurrent one (deadlock, serialization
    /// failure, busy file) before the run fails. Default 8; 1 to 100.</summary>
    public int CommitAttempts { get; init; } = 8;

    /// <summary>How long a statement waits for a lock another process holds before it counts as failed.
    /// Default 5 minutes; 1 second to 1 hour.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Every problem with these options, naming the option and its allowed range; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Location))
            problems.Add($"{nameof(Location)}: needs an SQLite file path or a PostgreSQL connection string");
        else if (!LedgerLocation.TryParse(Location, out _, out var why))
            problems.Add($"{nameof(Location)}: {why}");
        if (CommitAttempts is < MinCommitAttempts or > MaxCommitAttempts)
            problems.Add($"{nameof(CommitAttempts)}: {CommitAttempts} is outside {MinCommitAttempts}..{MaxCommitAttempts}");
        if (LockTimeout < TimeSpan.FromSeconds(1) || LockTimeout > TimeSpan.FromHours(1))
            problems.Add($"{nameof(LockTimeout)}: {LockTimeout} is outside 00:00:01..01:00:00");
        return problems;
    }
}
