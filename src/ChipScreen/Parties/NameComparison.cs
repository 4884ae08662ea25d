namespace ChipScreen.Parties;

/// <summary>How similar two names are.</summary>
/// <param name="Score">0 to 100: the weighted share of both names' words that correspond, after the guards.</param>
/// <param name="Explanation">What corresponded and what did not (empty when not asked for).</param>
internal readonly record struct NameComparison(int Score, string Explanation);
