namespace ChipScreen.Parties;

/// <summary>The stable verdicts of a comparison.</summary>
public static class Verdicts
{
    /// <summary>The same party.</summary>
    public const string Match = "match";

    /// <summary>Possibly the same party: a person must compare them.</summary>
    public const string Review = "review";

    /// <summary>Not the same party.</summary>
    public const string NoMatch = "no-match";

    /// <summary>A match a person reviewed and found not to be the party (a disposition applies).</summary>
    public const string Cleared = "cleared";

    /// <summary>How the run summaries count lines by the verdict of their parties' candidates ("lines with a restricted-party
    /// hit: 2 matching, ...").</summary>
    public static string Describe(string verdict) => verdict switch
    {
        Match => "matching",
        Review => "possibly matching (review)",
        Cleared => "cleared by a disposition",
        NoMatch => "not matching",
        _ => verdict,
    };
}
