namespace ChipScreen.Parties;

/// <summary>How similar two names are.</summary>
/// <param name="Score">0 to 100: the weighted share of both names' words that correspond, after the guards.</param>
/// <param name="Explanation">What corresponded and what did not (empty when not asked for).</param>
/// <param name="Share">0 to 1: the weighted share before the guards. Of listed names with equal scores, the one whose words
/// correspond most is the better candidate ("NSC Tianjin", a review of every National Supercomputing Center, aligns its
/// place only with the center in Tianjin).</param>
internal readonly record struct NameComparison(int Score, string Explanation, double Share = 0);
