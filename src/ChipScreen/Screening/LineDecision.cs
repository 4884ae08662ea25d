using System.Collections.Immutable;
using ChipScreen.Classification;
using ChipScreen.Volumes;

namespace ChipScreen.Screening;

/// <summary>The decision for one order line, with every reason and the facts it rested on.</summary>
/// <param name="Row">1-based position of the line in its batch.</param>
/// <param name="OrderId">The order id.</param>
/// <param name="Line">The line number (as given, or the row's position within its order).</param>
/// <param name="Decision">The most severe decision any rule gave.</param>
/// <param name="Exception">The license exception of a LICENSE_EXCEPTION decision.</param>
/// <param name="Eccn">3A090/4A090 classification, or null outside them.</param>
/// <param name="Tier">The ultimate destination's tier, or null when unknown.</param>
/// <param name="Destination">The ultimate destination's ISO code, or empty when unknown.</param>
/// <param name="Reasons">Every rule that fired, in pack order, with its citation and message.</param>
/// <param name="Facts">The derived facts behind the decision.</param>
/// <param name="Input">The order line as given.</param>
public sealed record LineDecision(
    long Row,
    string OrderId,
    string Line,
    Decision Decision,
    string? Exception,
    Eccn? Eccn,
    int? Tier,
    string Destination,
    ImmutableArray<Reason> Reasons,
    DecisionFacts Facts,
    Orders.OrderLine Input)
{
    /// <summary>The rule ids joined with ";" (the contract's <c>rule_ids</c>).</summary>
    public string RuleIds { get; } = Reasons.Length == 1 ? Reasons[0].RuleId : string.Join(';', Reasons.Select(r => r.RuleId));

    /// <summary>Every reason on one line, joined with " | " (the contract's <c>message</c>).</summary>
    public string Message => AppendMessage(new System.Text.StringBuilder()).ToString();

    /// <summary>Appends <see cref="Message"/> to <paramref name="sb"/>.</summary>
    public System.Text.StringBuilder AppendMessage(System.Text.StringBuilder sb)
    {
        for (var i = 0; i < Reasons.Length; i++)
        {
            if (i > 0)
                sb.Append(" | ");
            Reasons[i].AppendTo(sb);
        }
        return sb;
    }
}

/// <summary>The derived facts of a line, for audit: what the rules saw.</summary>
/// <param name="Sku">Catalog SKU, or empty.</param>
/// <param name="Tpp">TPP of one chip (0 when unknown).</param>
/// <param name="DieAreaMm2">Die area, when known.</param>
/// <param name="Pd">Performance density, when known.</param>
/// <param name="Datacenter">Datacenter part.</param>
/// <param name="ChipsPerUnit">Chips per unit.</param>
/// <param name="Quantity">Units (0 when invalid).</param>
/// <param name="ClassBasis">Why the class is what it is.</param>
/// <param name="ShipTo">Ship-to country code (empty when unknown).</param>
/// <param name="HqCountry">Headquarters country code (empty when not given or unknown).</param>
/// <param name="DestinationGroups">The ultimate destination's groups.</param>
/// <param name="ShipDate">The ship date used.</param>
/// <param name="Consignee">The ultimate consignee.</param>
/// <param name="Volume">The volume numbers and what the line consumed.</param>
/// <param name="DataIssues">The data problems that held the line.</param>
public sealed record DecisionFacts(
    string Sku,
    decimal Tpp,
    decimal? DieAreaMm2,
    decimal? Pd,
    bool Datacenter,
    int ChipsPerUnit,
    int Quantity,
    string ClassBasis,
    string ShipTo,
    string HqCountry,
    ImmutableArray<string> DestinationGroups,
    DateOnly ShipDate,
    string Consignee,
    VolumeOutcome Volume,
    ImmutableArray<string> DataIssues)
{
    /// <summary>Every restricted-party match, potential match and cleared candidate of the line's parties: list, entry id,
    /// matched name or alias, score and explanation (empty when none).</summary>
    public ImmutableArray<Parties.PartyMatch> PartyMatches { get; init; } = [];

    /// <summary>Whether the class could not be determined (the TPP is not known, or the class depends on a die area that is
    /// not known): the line has no ECCN, but is not known to be outside 3A090/4A090 either.</summary>
    public bool ClassUnknown { get; init; }
}

/// <summary>The volume side of a decision.</summary>
/// <param name="LineVolume">TPP x chips per unit x quantity.</param>
/// <param name="DependsOnVolume">Whether a rule decided on a volume limit.</param>
/// <param name="ConsigneeYearBefore">The consignee's volume this year before the line.</param>
/// <param name="CountryAllocationBefore">The destination's allocation used before the line.</param>
/// <param name="AllocationPeriod">The allocation period, or empty.</param>
/// <param name="Consumed">What the line added to (by its final decision).</param>
public sealed record VolumeOutcome(
    decimal LineVolume,
    bool DependsOnVolume,
    decimal ConsigneeYearBefore,
    decimal CountryAllocationBefore,
    string AllocationPeriod,
    ImmutableArray<VolumeAccount> Consumed);
