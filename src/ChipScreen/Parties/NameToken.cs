namespace ChipScreen.Parties;

/// <summary>One word of a normalized name and what kind of evidence it is.</summary>
/// <param name="Text">The word: lower case, without accents or punctuation.</param>
/// <param name="Kind">Its kind.</param>
internal readonly record struct NameToken(string Text, TokenKind Kind)
{
    /// <summary>Whether the word identifies on its own (not generic, not a surname, not a number).</summary>
    public bool IsDistinctive => Kind is TokenKind.Distinctive or TokenKind.Han;
}
