namespace ChipScreen.Countries;

/// <summary>An ISO 3166-1 alpha-2 country code (two upper-case ASCII letters).</summary>
/// <remarks>Only the shape is checked here; <see cref="CountryDirectory"/> knows which codes exist.</remarks>
public readonly record struct CountryCode : IComparable<CountryCode>
{
    private CountryCode(string value) => Value = value;

    /// <summary>The code, e.g. <c>CN</c>.</summary>
    public string Value { get; }

    /// <summary>Parses two ASCII letters in either case.</summary>
    public static bool TryParse(string? text, out CountryCode code)
    {
        code = default;
        if (text is not { Length: 2 } || !char.IsAsciiLetter(text[0]) || !char.IsAsciiLetter(text[1]))
            return false;
        code = new CountryCode(string.IsInterned(text.ToUpperInvariant()) ?? string.Intern(text.ToUpperInvariant()));
        return true;
    }

    /// <summary>Parses a code or throws <see cref="FormatException"/>.</summary>
    public static CountryCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not a two-letter ISO country code");

    /// <inheritdoc />
    public int CompareTo(CountryCode other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
