namespace ChipScreen.Classification;

/// <summary>The classification of one order line's item.</summary>
/// <param name="Level">Outside 3A090, .a or .b.</param>
/// <param name="Eccn">The ECCN (3A090 for a single chip, 4A090 for a unit holding several), or null outside 3A090.</param>
/// <param name="Pd">Performance density, when the die area is known.</param>
/// <param name="Unsettled">True when the class depends on a die area that is not known (a datacenter chip with 1,600 &lt;= TPP &lt; 4,800).</param>
/// <param name="Basis">The values that decided it, e.g. "TPP 15,832 >= 4,800".</param>
public sealed record ChipClass(ControlLevel Level, Eccn? Eccn, decimal? Pd, bool Unsettled, string Basis);
