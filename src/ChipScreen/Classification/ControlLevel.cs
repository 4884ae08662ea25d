namespace ChipScreen.Classification;

/// <summary>Where a chip falls under ECCN 3A090: outside it, paragraph .a or paragraph .b.</summary>
public enum ControlLevel
{
    /// <summary>Outside 3A090.a and .b.</summary>
    None = 0,

    /// <summary>3A090.b (or 4A090.b for a unit holding such chips).</summary>
    B = 1,

    /// <summary>3A090.a (or 4A090.a).</summary>
    A = 2,
}
