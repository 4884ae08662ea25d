namespace ChipScreen.Countries;

/// <summary>What a country as written in an order resolved to: a country, or why not.</summary>
/// <param name="Country">The country, when the text named exactly one.</param>
/// <param name="Problem">Why it did not resolve (unknown or ambiguous), as a sentence fragment.</param>
public sealed record CountryResolution(Country? Country, string? Problem)
{
    /// <summary>Whether the text named exactly one country.</summary>
    public bool Resolved => Country is not null;
}
