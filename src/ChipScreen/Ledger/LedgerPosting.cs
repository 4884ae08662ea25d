using ChipScreen.Screening;
using ChipScreen.Volumes;

namespace ChipScreen.Ledger;

/// <summary>What a committed line adds to one account: the entry a commit writes.</summary>
/// <remarks>Made from a final decision: a line adds to a volume only through its final decision (the contract).</remarks>
internal sealed record LedgerPosting(
    string OrderId,
    string Line,
    VolumeAccount Account,
    string Key,
    string Period,
    DateOnly PeriodFrom,
    DateOnly PeriodTo,
    decimal Volume,
    string Consignee,
    string ConsigneeKey,
    string Destination,
    DateOnly ShipDate,
    string Decision,
    string Exception)
{
    /// <summary>The accounts a decided line consumes (none for most lines). Thread-safe.</summary>
    public static LedgerPosting[] Of(LineDecision decision, VolumeLimits limits)
    {
        var volume = decision.Facts.Volume;
        if (volume.Consumed.IsDefaultOrEmpty)
            return [];
        var facts = decision.Facts;
        var consigneeKey = Parties.PartyNames.Key(facts.Consignee);
        var postings = new LedgerPosting[volume.Consumed.Length];
        for (var i = 0; i < postings.Length; i++)
        {
            var account = volume.Consumed[i];
            var (key, period, from, to) = account switch
            {
                VolumeAccount.ConsigneeYear => (consigneeKey, Year(facts.ShipDate), new DateOnly(facts.ShipDate.Year, 1, 1), new DateOnly(facts.ShipDate.Year, 12, 31)),
                _ => AllocationOf(decision, limits),
            };
            postings[i] = new LedgerPosting(decision.OrderId, LineIds.Of(decision.Line), account, key, period, from, to, volume.LineVolume,
                facts.Consignee, consigneeKey, decision.Destination, facts.ShipDate, decision.Decision.ToContractString(), decision.Exception ?? "");
        }
        return postings;
    }

    /// <summary>The account key of this posting.</summary>
    public LedgerAccountKey AccountKey => new(Account, Key, Period);

    internal static string Year(DateOnly date) => date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static (string, string, DateOnly, DateOnly) AllocationOf(LineDecision decision, VolumeLimits limits)
    {
        var id = decision.Facts.Volume.AllocationPeriod;
        var period = limits.AllocationPeriods.FirstOrDefault(p => p.Id == id)
            ?? throw new InvalidOperationException($"{decision.OrderId}:{decision.Line} consumed allocation period '{id}', which the pack does not define");
        return (decision.Destination, period.Id, period.From, period.To);
    }
}
