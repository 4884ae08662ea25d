namespace ChipScreen.Runs;

/// <summary>The outcome of <c>chipscreen verify</c>: each check with what it found.</summary>
/// <param name="Checks">Every check, in the order made.</param>
public sealed record VerificationResult(IReadOnlyList<VerificationCheck> Checks)
{
    /// <summary>Whether every check held (skipped checks do not fail).</summary>
    public bool Holds => Checks.All(c => c.Status != CheckStatus.Failed);

    /// <summary>The checks that failed.</summary>
    public IEnumerable<VerificationCheck> Failures => Checks.Where(c => c.Status == CheckStatus.Failed);

    /// <summary>Whether the input was screened again under the recorded pack and as-of date (it was not when the input or
    /// the rule files are missing or changed): without it, a verification holds only for the files that are there.</summary>
    public bool Rescreened { get; init; }

    /// <summary>The checks that could not be made.</summary>
    public IEnumerable<VerificationCheck> Skipped => Checks.Where(c => c.Status == CheckStatus.Skipped);
}

/// <summary>One check of a verification.</summary>
/// <param name="Subject">What was checked: a file, a line, the audit log.</param>
/// <param name="Status">Held, failed or skipped.</param>
/// <param name="Detail">What was found.</param>
public sealed record VerificationCheck(string Subject, CheckStatus Status, string Detail)
{
    /// <inheritdoc />
    public override string ToString() => $"{Status switch { CheckStatus.Ok => "ok     ", CheckStatus.Failed => "FAILED ", _ => "skipped" }} {Subject}: {Detail}";
}

/// <summary>The status of a check.</summary>
public enum CheckStatus
{
    /// <summary>The check held.</summary>
    Ok,

    /// <summary>The check found a difference.</summary>
    Failed,

    /// <summary>The check could not be made (a file is no longer there).</summary>
    Skipped,
}
