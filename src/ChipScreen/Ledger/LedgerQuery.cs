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

    /// <summary>Everything that counts now.</summary>
    public static LedgerQuery All { get; } = new();

    /// <summary>The consignee's name key, or null.</summary>
    internal string? ConsigneeKey => Consignee is null ? null : Parties.PartyNames.Key(Consignee);

    /// <summary>The country code in upper case, or null.</summary>
    internal string? CountryCode => Country?.Trim().ToUpperInvariant();
}
