namespace ChipScreen.Parties;

/// <summary>The scores (0 to 100) at which a listed name is a match, or a potential match a person must review.</summary>
/// <remarks>A pack sets them in <c>parties.json</c>; the defaults are those the README reports precision and recall for.</remarks>
/// <param name="Match">A score at or above it is a match (the entry's decision applies). Default 88.</param>
/// <param name="Review">A score at or above it, below <paramref name="Match"/>, is a potential match (HOLD). Default 75.</param>
public sealed record PartyThresholds(int Match, int Review)
{
    /// <summary>Match at 88, review from 75.</summary>
    public static PartyThresholds Default { get; } = new(88, 75);

    /// <summary>"match", "review" or "no-match" for <paramref name="score"/>.</summary>
    public string Verdict(int score) => score >= Match ? Verdicts.Match : score >= Review ? Verdicts.Review : Verdicts.NoMatch;

    /// <summary>What is wrong with the thresholds, or null when they are usable (1 &lt;= review &lt; match &lt;= 100).</summary>
    public string? Problem() =>
        Review < 1 || Match > 100 || Review >= Match
            ? $"the thresholds must satisfy 1 <= review_threshold < match_threshold <= 100 (review {Review}, match {Match})"
            : null;
}
