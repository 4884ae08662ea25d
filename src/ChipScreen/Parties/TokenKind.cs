namespace ChipScreen.Parties;

/// <summary>What a word of a name is worth as evidence that two names are the same party.</summary>
internal enum TokenKind : byte
{
    /// <summary>A word that identifies (a brand, a coined name): strong evidence.</summary>
    Distinctive,

    /// <summary>A word many companies share (a trade, a place): weak evidence, never enough alone.</summary>
    Generic,

    /// <summary>A common family name: weak evidence, never enough alone.</summary>
    Surname,

    /// <summary>A country, city or province: weak evidence; different places on both sides mean different branches.</summary>
    Place,

    /// <summary>A number (digits, a number word or a Roman numeral): must be equal to match.</summary>
    Number,

    /// <summary>A run of Chinese characters without its legal form: compared whole.</summary>
    Han,
}
