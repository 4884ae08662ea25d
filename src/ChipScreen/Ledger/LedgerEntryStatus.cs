namespace ChipScreen.Ledger;

/// <summary>Where an entry stands. Entries are never deleted: a replaced or voided entry stays as history.</summary>
public enum LedgerEntryStatus
{
    /// <summary>Counts toward its account.</summary>
    Active,

    /// <summary>A later commit of the same order line replaced it.</summary>
    Replaced,

    /// <summary>Voided by <c>chipscreen ledger void</c>, with a reason.</summary>
    Voided,
}

/// <summary>The stored names of <see cref="LedgerEntryStatus"/>: <c>active</c>, <c>replaced</c>, <c>voided</c>.</summary>
public static class LedgerEntryStatusNames
{
    /// <summary>The stored name.</summary>
    public static string Name(this LedgerEntryStatus status) => status switch
    {
        LedgerEntryStatus.Active => "active",
        LedgerEntryStatus.Replaced => "replaced",
        LedgerEntryStatus.Voided => "voided",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Parses a stored name.</summary>
    public static LedgerEntryStatus Parse(string text) => text switch
    {
        "active" => LedgerEntryStatus.Active,
        "replaced" => LedgerEntryStatus.Replaced,
        "voided" => LedgerEntryStatus.Voided,
        _ => throw new FormatException($"'{text}' is not a ledger entry status"),
    };
}
