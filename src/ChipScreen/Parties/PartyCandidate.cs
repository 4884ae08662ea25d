namespace ChipScreen.Parties;

/// <summary>A listed entry that a screened name may be, with the score and the reasons.</summary>
/// <param name="Entry">The list entry.</param>
/// <param name="MatchedName">The name of the entry that matched best (its name, an alias or an added name).</param>
/// <param name="MatchedAs">"name", "alias" or "added name".</param>
/// <param name="Score">0 to 100, the country taken into account.</param>
/// <param name="Verdict">"match", "review", "no-match", or "cleared" when a disposition applies.</param>
/// <param name="Explanation">What matched and what did not, and the country's effect.</param>
/// <param name="EntryHash">The entry's content hash (what a disposition must name).</param>
/// <param name="Disposition">The reviewed "not a match" that clears it, or null.</param>
/// <param name="LapsedDisposition">A disposition for it that lapsed because the entry changed, or null.</param>
public sealed record PartyCandidate(
    ListEntry Entry,
    string MatchedName,
    string MatchedAs,
    int Score,
    string Verdict,
    string Explanation,
    string EntryHash,
    Disposition? Disposition,
    Disposition? LapsedDisposition);
