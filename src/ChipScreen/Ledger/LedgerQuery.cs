namespace ChipScreen.Ledger;

/// <summary>Which part of the ledger to show or export. Null filters match everything.</summary>
/// <param name="Consignee">A consignee name, compared by its name key (case, accents and punctuation ignored).</param>
/// <param name="Country">An ISO alpha-2 country code (the ultimate destination).</param>
/// <param name="Year">A calendar year: accounts whose period overlaps it; entries shipping in it.</param>
/// <param name="IncludeHistory">Whether entries that were replaced or voided are included (exports include them by default).</param>
public sealed record LedgerQuery(string? Consignee = null, string? Country = null, int? Year = null, bool IncludeHistory = false)
{
    /// <summary>The calendar year, or null.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a year from 1 to 9999.</exception>
    public int? Year { get; init; } = Year is null or (>= 1 and <= 9999)
        ? Year
        : throw new ArgumentOutOfRangeException(nameof(Year), Year, "a calendar year from 1 to 9999");

    /// <summary>The consignee's name, or null.</summary>
    /// <exception cref="ArgumentException">A name with no letter or digit, which could match no consignee.</exception>
    public string? Consignee { get; init; } = Consignee is null || IsConsigneeName(Consignee)
        ? Consignee
        : throw new ArgumentException($"'{Consignee}' has no letter or digit to match a consignee by", nameof(Consignee));

    /// <summary>Whether <paramref name="name"/> can name a consignee: its name key (letters and digits) is not empty.</summary>
    public static bool IsConsigneeName(string name) => Parties.PartyNames.Key(name).Length > 0;

    /// <summary>The country code, or null.</summary>
    /// <exception cref="ArgumentException">Not two letters (an ISO alpha-2 code, in either case).</exception>
    public string? Country { get; init; } = Country is null || IsCountryCode(Country)
        ? Country
        : throw new ArgumentException($"'{Country}' is not an ISO alpha-2 country code", nameof(Country));

    /// <summary>Whether <paramref name="text"/> (trimmed) has the form of an ISO alpha-2 code: two ASCII letters.</summary>
    public static bool IsCountryCode(string text) => text.Trim() is { Length: 2 } t && char.IsAsciiLetter(t[0]) && char.IsAsciiLetter(t[1]);

    /// <summary>Everything that counts now.</summary>
    public static LedgerQuery All { get; } = new();

    /// <summary>The consignee's name key, or null.</summary>
    internal string? ConsigneeKey => Consignee is null ? null : Parties.PartyNames.Key(Consignee);

    /// <summary>The country code in upper case, or null.</summary>
    internal string? CountryCode => Country?.Trim().ToUpperInvariant();
}
