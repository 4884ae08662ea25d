using ChipScreen.Rules;

namespace ChipScreen.Service;

/// <summary>What came of one attempt to reload the rule pack.</summary>
/// <param name="At">When the attempt was made (UTC).</param>
/// <param name="Outcome">Whether a new pack now serves.</param>
/// <param name="Serving">The pack serving after the attempt.</param>
/// <param name="Errors">Why the pack was rejected (empty unless <see cref="PackReloadOutcome.Rejected"/>), sorted by file and position.</param>
public sealed record PackReload(DateTimeOffset At, PackReloadOutcome Outcome, PackIdentity Serving, IReadOnlyList<PackError> Errors);

/// <summary>The outcome of a reload.</summary>
public enum PackReloadOutcome
{
    /// <summary>A new revision was validated and now serves.</summary>
    Loaded,

    /// <summary>The files give the revision already serving; nothing changed.</summary>
    Unchanged,

    /// <summary>The files do not make a usable pack; the last good pack keeps serving.</summary>
    Rejected,
}

/// <summary>The stable snake_case names of <see cref="PackReloadOutcome"/>.</summary>
public static class PackReloadOutcomeText
{
    /// <summary><c>loaded</c>, <c>unchanged</c> or <c>rejected</c>.</summary>
    public static string ToCode(this PackReloadOutcome outcome) => outcome switch
    {
        PackReloadOutcome.Loaded => "loaded",
        PackReloadOutcome.Unchanged => "unchanged",
        PackReloadOutcome.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
