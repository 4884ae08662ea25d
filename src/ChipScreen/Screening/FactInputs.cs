using System.Collections.Frozen;
using System.Reflection;
using ChipScreen.Orders;

namespace ChipScreen.Screening;

/// <summary>The input fields of an order line that the facts rules read are derived from, as bits: a field with a data
/// issue makes every fact derived from it unusable, and a rule that reads an unusable fact does not fire on the line.</summary>
[Flags]
internal enum FactInputs
{
    None = 0,
    OrderId = 1 << 0,
    Sku = 1 << 1,
    Tpp = 1 << 2,
    DieArea = 1 << 3,
    Datacenter = 1 << 4,
    ChipsPerUnit = 1 << 5,
    Quantity = 1 << 6,
    ShipDate = 1 << 7,
    DestinationCountry = 1 << 8,
    EndUserCountry = 1 << 9,
    EndUserHqCountry = 1 << 10,
    EndUser = 1 << 11,
    Consignee = 1 << 12,
    EndUse = 1 << 13,

    /// <summary>Every field: what a row-level issue, or one naming no known field, makes unusable.</summary>
    All = (1 << 14) - 1,

    /// <summary>The figures of the item: its class (ECCN, paragraph .a/.b, datacenter or not) follows from all of them.</summary>
    Chip = Sku | Tpp | DieArea | Datacenter | ChipsPerUnit,

    /// <summary>The ultimate destination: the end user's country when given, else the ship-to country.</summary>
    Destination = DestinationCountry | EndUserCountry,

    /// <summary>The party names (the consignee is the end user when not given).</summary>
    Names = EndUser | Consignee,

    /// <summary>A line's volume (TPP x chips per unit x quantity) counted for its consignee in its ship year and for its
    /// destination's allocation in its period.</summary>
    Volume = Sku | Tpp | ChipsPerUnit | Quantity | ShipDate | Destination | Names,
}

/// <summary>Which <see cref="FactInputs"/> a line's data issues make unusable, and which ones each member of the rule-facing
/// model (<see cref="LineFacts"/>, <see cref="ChipFacts"/>) is derived from.</summary>
internal static class FactSources
{
    /// <summary>The inputs a data issue on <paramref name="issue"/>'s field makes unusable. A line number (bad, or on other
    /// rows too) feeds no fact; an issue of the whole row, or of a field that is not an order field, makes all unusable.</summary>
    public static FactInputs Of(FieldIssue issue) => issue.Field switch
    {
        OrderColumns.Line => FactInputs.None,
        OrderColumns.OrderId => FactInputs.OrderId,
        OrderColumns.Sku => FactInputs.Sku,
        OrderColumns.Tpp => FactInputs.Tpp,
        OrderColumns.DieAreaMm2 => FactInputs.DieArea,
        OrderColumns.Datacenter => FactInputs.Datacenter,
        OrderColumns.ChipsPerUnit => FactInputs.ChipsPerUnit,
        OrderColumns.Quantity => FactInputs.Quantity,
        OrderColumns.ShipDate => FactInputs.ShipDate,
        OrderColumns.DestinationCountry => FactInputs.DestinationCountry,
        OrderColumns.EndUserCountry => FactInputs.EndUserCountry,
        OrderColumns.EndUserHqCountry => FactInputs.EndUserHqCountry,
        OrderColumns.EndUser => FactInputs.EndUser,
        OrderColumns.Consignee => FactInputs.Consignee,
        OrderColumns.EndUse => FactInputs.EndUse,
        _ => FactInputs.All,
    };

    /// <summary>The inputs that the issues from <paramref name="start"/> on make unusable.</summary>
    public static FactInputs Of(IReadOnlyList<FieldIssue> issues, int start = 0)
    {
        var unusable = FactInputs.None;
        for (var i = start; i < issues.Count; i++)
            unusable |= Of(issues[i]);
        return unusable;
    }

    /// <summary>What each public member of <see cref="LineFacts"/> is derived from. A member not named here counts as
    /// derived from every input (a test keeps the table complete).</summary>
    public static FrozenDictionary<string, FactInputs> LineMembers { get; } = new Dictionary<string, FactInputs>
    {
        [nameof(LineFacts.Row)] = FactInputs.None,
        [nameof(LineFacts.Where)] = FactInputs.None,
        [nameof(LineFacts.HasDataErrors)] = FactInputs.None,
        [nameof(LineFacts.DataErrors)] = FactInputs.None,
        [nameof(LineFacts.OrderId)] = FactInputs.OrderId,
        [nameof(LineFacts.Chip)] = FactInputs.Chip,
        [nameof(LineFacts.Eccn)] = FactInputs.Chip,
        [nameof(LineFacts.IsA)] = FactInputs.Chip,
        [nameof(LineFacts.IsB)] = FactInputs.Chip,
        [nameof(LineFacts.IsDatacenterA)] = FactInputs.Chip,
        [nameof(LineFacts.IsConsumerA)] = FactInputs.Chip,
        [nameof(LineFacts.ClassUnsettled)] = FactInputs.Chip,
        [nameof(LineFacts.ClassBasis)] = FactInputs.Chip,
        [nameof(LineFacts.Quantity)] = FactInputs.Quantity,
        [nameof(LineFacts.ShipTo)] = FactInputs.DestinationCountry,
        [nameof(LineFacts.Destination)] = FactInputs.Destination,
        [nameof(LineFacts.Hq)] = FactInputs.EndUserHqCountry,
        [nameof(LineFacts.EndUserCountryGiven)] = FactInputs.EndUserCountry,
        [nameof(LineFacts.EndUser)] = FactInputs.EndUser,
        [nameof(LineFacts.Consignee)] = FactInputs.Names,
        [nameof(LineFacts.ConsigneeGiven)] = FactInputs.Consignee,
        [nameof(LineFacts.EndUse)] = FactInputs.EndUse,
        [nameof(LineFacts.EndUseMentions)] = FactInputs.EndUse,
        [nameof(LineFacts.EndUseTermsFound)] = FactInputs.EndUse,
        [nameof(LineFacts.ShipDate)] = FactInputs.ShipDate,
        [nameof(LineFacts.ShipYear)] = FactInputs.ShipDate,
        [nameof(LineFacts.IsValidatedEndUser)] = FactInputs.EndUser | FactInputs.Destination,
        // Parties are matched by name; a country only moves the score, and one that cannot be read is no country (neither
        // agreement nor conflict), so a match on a held line's names is still one on values the line has, and is listed.
        [nameof(LineFacts.Parties)] = FactInputs.Names,
        [nameof(LineFacts.Volume)] = FactInputs.Volume,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>What each public member of <see cref="ChipFacts"/> is derived from (a figure the row omits comes from the
    /// catalog entry its SKU names).</summary>
    public static FrozenDictionary<string, FactInputs> ChipMembers { get; } = new Dictionary<string, FactInputs>
    {
        [nameof(ChipFacts.Sku)] = FactInputs.Sku,
        [nameof(ChipFacts.Name)] = FactInputs.Sku,
        [nameof(ChipFacts.Tpp)] = FactInputs.Sku | FactInputs.Tpp,
        [nameof(ChipFacts.DieAreaMm2)] = FactInputs.Sku | FactInputs.DieArea,
        [nameof(ChipFacts.HasDieArea)] = FactInputs.Sku | FactInputs.DieArea,
        [nameof(ChipFacts.Pd)] = FactInputs.Sku | FactInputs.Tpp | FactInputs.DieArea,
        [nameof(ChipFacts.Datacenter)] = FactInputs.Sku | FactInputs.Datacenter,
        [nameof(ChipFacts.ChipsPerUnit)] = FactInputs.Sku | FactInputs.ChipsPerUnit,
        [nameof(ChipFacts.MemoryBandwidthGbs)] = FactInputs.Sku,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>What <paramref name="member"/> of <see cref="LineFacts"/> or <see cref="ChipFacts"/> is derived from, or
    /// null for a member of another type.</summary>
    public static FactInputs? OfMember(MemberInfo member)
    {
        if (member.DeclaringType == typeof(LineFacts))
            return LineMembers.TryGetValue(member.Name, out var inputs) ? inputs : FactInputs.All;
        if (member.DeclaringType == typeof(ChipFacts))
            return ChipMembers.TryGetValue(member.Name, out var inputs) ? inputs : FactInputs.All;
        return null;
    }
}
