namespace ChipScreen.Countries;

/// <summary>A country the directory knows: its code and display name.</summary>
/// <param name="Code">ISO 3166-1 alpha-2 code.</param>
/// <param name="Name">English short name.</param>
public sealed record Country(CountryCode Code, string Name);
