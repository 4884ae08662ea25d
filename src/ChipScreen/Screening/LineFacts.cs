using ChipScreen.Countries;
using ChipScreen.Orders;
using ChipScreen.Parties;
using ChipScreen.Volumes;

namespace ChipScreen.Screening;

/// <summary>Everything the rules of a pack may read about one order line: the input <c>line</c> of every rule expression.</summary>
/// <remarks>
/// Built by <see cref="FactsBuilder"/> from an <see cref="OrderLine"/>: the chip with its class, the places
/// resolved under the pack's groups and tiers, the parties, the end use, and a view of the volume limits.
/// Only public members are visible to expressions. Not thread-safe: one instance per line.
/// </remarks>
public sealed class LineFacts
{
    private readonly EndUseTerms _terms;
    private readonly FactsBuilder _builder;

    internal LineFacts(OrderLine order, EndUseTerms terms, FactsBuilder builder)
    {
        Order = order;
        _terms = terms;
        _builder = builder;
    }

    /// <summary>The order line as read.</summary>
    internal OrderLine Order { get; }

    /// <summary>The 1-based data row of the line in its batch.</summary>
    public long Row => Order.Row;

    /// <summary>Where the line is, for messages: "row 7 (line 8)".</summary>
    public string Where => Order.Where;

    /// <summary>The order id.</summary>
    public string OrderId => Order.OrderId;

    /// <summary>The item: TPP, die area, PD, datacenter flag, chips per unit.</summary>
    public required ChipFacts Chip { get; init; }

    /// <summary><c>3A090.a</c>, <c>3A090.b</c>, <c>4A090.a</c>, <c>4A090.b</c>, or empty outside 3A090/4A090.</summary>
    public required string Eccn { get; init; }

    /// <summary>3A090.a or 4A090.a.</summary>
    public required bool IsA { get; init; }

    /// <summary>3A090.b or 4A090.b.</summary>
    public required bool IsB { get; init; }

    /// <summary>Paragraph .a and designed or marketed for datacenters.</summary>
    public bool IsDatacenterA => IsA && Chip.Datacenter;

    /// <summary>Paragraph .a and not a datacenter part (eligible for NAC/ACA).</summary>
    public bool IsConsumerA => IsA && !Chip.Datacenter;

    /// <summary>Whether the class depends on a die area that is not known.</summary>
    public required bool ClassUnsettled { get; init; }

    /// <summary>The values that decided the class, e.g. "TPP 15,832 >= 4,800".</summary>
    public required string ClassBasis { get; init; }

    /// <summary>Whether the class could not be determined: the TPP is not known, or the class depends on a die area that
    /// is not known (<see cref="ClassUnsettled"/>).</summary>
    internal bool ClassUnknown { get; init; }

    /// <summary>Units ordered (0 when invalid).</summary>
    public int Quantity => Order.Quantity ?? 0;

    /// <summary>The ship-to country.</summary>
    public required Place ShipTo { get; init; }

    /// <summary>The ultimate destination: the end user's country when given, else the ship-to country.</summary>
    public required Place Destination { get; init; }

    /// <summary>The country of the end user's headquarters or ultimate parent (not given: <c>Given</c> is false).</summary>
    public required Place Hq { get; init; }

    /// <summary>Whether the order named the end user's country.</summary>
    public bool EndUserCountryGiven => !string.IsNullOrWhiteSpace(Order.EndUserCountry);

    /// <summary>The end user's name.</summary>
    public string EndUser => Order.EndUser;

    /// <summary>The ultimate consignee (the end user when not given).</summary>
    public string Consignee => string.IsNullOrWhiteSpace(Order.Consignee) ? Order.EndUser : Order.Consignee!;

    /// <summary>Whether the order named a consignee different from the end user.</summary>
    public bool ConsigneeGiven => !string.IsNullOrWhiteSpace(Order.Consignee);

    /// <summary>The end use as written (empty when not given).</summary>
    public string EndUse => Order.EndUse ?? "";

    /// <summary>The ship date (the as-of date when not given).</summary>
    public required DateOnly ShipDate { get; init; }

    /// <summary>The calendar year of the ship date.</summary>
    public int ShipYear => ShipDate.Year;

    /// <summary>Whether the end user is a validated end user of the pack for the destination.</summary>
    public bool IsValidatedEndUser => _builder.HasValidatedEndUsers && _builder.IsValidatedEndUser(EndUserName, Destination);

    /// <summary>The end user's and consignee's matches on the restricted-party lists (<c>line.Parties.Matches("sdn")</c>).</summary>
    public PartyFacts Parties => _parties ??= _builder.PartyFactsOf(EndUserName, ConsigneeName, Destination, ShipTo, Hq);

    // The party names, and what follows from them, are looked up when a rule or the volume plan first asks: most lines
    // of a first pass are settled by the volume rules alone and never need them. Each cache is one reference, so a race
    // between threads can only look a name up twice.
    private PartyName? _endUserName;
    private PartyName? _consigneeName;
    private PartyFacts? _parties;

    private PartyName? EndUserName => Order.EndUser.Length == 0 ? null : _endUserName ??= _builder.Name(Order.EndUser);

    private PartyName? ConsigneeName => string.IsNullOrWhiteSpace(Order.Consignee) ? null : _consigneeName ??= _builder.Name(Order.Consignee);

    /// <summary>The volume limits as they stand for this line.</summary>
    public VolumeView Volume { get; internal set; } = null!;

    /// <summary>Whether any field was missing or invalid.</summary>
    public bool HasDataErrors => DataIssues.Count > 0;

    /// <summary>The data problems, one sentence each, joined with "; ".</summary>
    public string DataErrors => string.Join("; ", DataIssues.Select(i => i.Message));

    /// <summary>The data problems of the line.</summary>
    internal IReadOnlyList<FieldIssue> DataIssues { get; init; } = [];

    /// <summary>The inputs the data problems make unusable: a rule that reads a fact derived from one does not fire on
    /// the line (<see cref="FactSources"/>). A row's own chip figures that make a catalog part less controlled hold the
    /// line but stay usable: they are values the line has, and the rules read them.</summary>
    internal FactInputs Unusable { get; init; }

    /// <summary>The identity key of <see cref="Consignee"/>, which volumes are counted by.</summary>
    internal string ConsigneeKey => (ConsigneeName ?? EndUserName)?.Key ?? "";

    private string[][]? _endUseMatches;

    /// <summary>Whether the end use contains a term of the pack's list <paramref name="list"/>, ignoring case, width, accents
    /// and anything between letters that is not a letter or digit (<see cref="EndUseTerms"/>).</summary>
    public bool EndUseMentions(string list) => EndUse.Length > 0 && Found(list).Length > 0;

    /// <summary>The terms of list <paramref name="list"/> that the end use contains, comma-separated (for messages).</summary>
    public string EndUseTermsFound(string list) => EndUse.Length == 0 ? "" : string.Join(", ", Found(list));

    private string[] Found(string list) => _terms.Matches(_endUseMatches ??= _terms.MatchesOf(EndUse), list);
}
