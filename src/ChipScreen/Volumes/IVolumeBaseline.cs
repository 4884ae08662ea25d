namespace ChipScreen.Volumes;

/// <summary>The volumes already used before a batch (what a ledger holds); the batch adds to them.</summary>
/// <remarks>Implementations must be thread-safe; the screener asks once per key, on one thread.</remarks>
public interface IVolumeBaseline
{
    /// <summary>TPP already shipped to the consignee (by its name key) in the calendar year.</summary>
    decimal ConsigneeYear(string consigneeKey, int year);

    /// <summary>TPP already counted against the country's allocation in the period.</summary>
    decimal CountryAllocation(string country, string period);

    /// <summary>Told, before the first question, every account the batch will ask about, so a baseline that reads a
    /// database can fetch them in one round trip. Optional: the default does nothing.</summary>
    /// <param name="consigneeYears">The consignee name keys and years that will be asked.</param>
    /// <param name="countryPeriods">The countries and allocation periods that will be asked.</param>
    void Prefetch(IReadOnlyCollection<(string ConsigneeKey, int Year)> consigneeYears, IReadOnlyCollection<(string Country, string Period)> countryPeriods)
    {
    }
}

/// <summary>A baseline with nothing used: every batch starts from zero.</summary>
public sealed class EmptyVolumeBaseline : IVolumeBaseline
{
    /// <summary>The single instance.</summary>
    public static EmptyVolumeBaseline Instance { get; } = new();

    private EmptyVolumeBaseline()
    {
    }

    /// <inheritdoc />
    public decimal ConsigneeYear(string consigneeKey, int year) => 0;

    /// <inheritdoc />
    public decimal CountryAllocation(string country, string period) => 0;
}
