using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using ChipScreen.Catalog;
using ChipScreen.Classification;
using ChipScreen.Countries;
using ChipScreen.Orders;
using ChipScreen.Rules;

namespace ChipScreen.Screening;

/// <summary>Enriches an order line under a pack: catalog figures, class, places, validated end user, data problems. Pure.</summary>
/// <remarks>
/// Every problem becomes a <see cref="FieldIssue"/> naming the field; nothing here throws for bad data.
/// The order of steps matters only in that the class needs the catalog figures and the validated-end-user
/// check needs the ultimate destination.
/// </remarks>
internal sealed class FactsBuilder(RulePack pack)
{
    private const int CacheLimit = 1 << 20;
    private readonly NameCache<Parties.PartyName> _names = new(CacheLimit);
    private readonly ConcurrentDictionary<ChipSpec, (ChipFacts Facts, ChipClass Class)> _chips = new(ReferenceEqualityComparer.Instance);

    /// <summary>The pack the facts are built under.</summary>
    public RulePack Pack => pack;

    /// <summary>Builds the facts of a line; <paramref name="asOf"/> stands in for a missing ship date.</summary>
    public LineFacts Build(OrderLine order, DateOnly asOf)
    {
        // Most lines have no issue: the list is made only for the first one.
        var issues = order.Issues.Length == 0 ? null : new List<FieldIssue>(order.Issues);
        if (order.OrderId.Length == 0)
            Add(ref issues, new FieldIssue(IssueCodes.Missing, OrderColumns.OrderId, "is missing"));
        // A file's line is checked as it is read; a line built in code ("abc", "-1") only here.
        if (order.Line.Length > 0 && !OrderFields.IsPositiveWhole(order.Line, out _) && !HasIssue(order, OrderColumns.Line))
            Add(ref issues, OrderFields.NotPositiveWhole(OrderColumns.Line, order.Line));
        if (order.EndUser.Length == 0)
            Add(ref issues, new FieldIssue(IssueCodes.Missing, OrderColumns.EndUser, "is missing"));
        else if (!HasLetterOrDigit(order.EndUser))
            Add(ref issues, new FieldIssue(IssueCodes.Invalid, OrderColumns.EndUser, $"has no letters or digits ('{Visible(order.EndUser)}')"));
        // A blank consignee is not given (the end user stands in); one given but without a letter or digit is no name.
        if (!string.IsNullOrWhiteSpace(order.Consignee) && !HasLetterOrDigit(order.Consignee))
            Add(ref issues, new FieldIssue(IssueCodes.Invalid, OrderColumns.Consignee, $"has no letters or digits ('{Visible(order.Consignee)}')"));
        if (order.Quantity is { } q && q <= 0)
            Add(ref issues, new FieldIssue(IssueCodes.Invalid, OrderColumns.Quantity, $"{q} is not a positive whole number"));
        else if (order.Quantity is null && !HasIssue(order, OrderColumns.Quantity))
            Add(ref issues, new FieldIssue(IssueCodes.Missing, OrderColumns.Quantity, "is missing"));

        var chip = Chip(order, ref issues, out var spec);
        var (chipFacts, chipClass) = ChipOf(chip);
        // What the issues so far make unusable; the row's figures held below are still the line's values, read as given.
        var unusable = issues is null ? FactInputs.None : FactSources.Of(issues);
        var counted = issues?.Count ?? 0;
        if (spec is not null && chip.Catalog is null && chip.Tpp is not null)
            HoldIfBelowCatalog(spec, chipClass, chip, order, ref issues);
        var belowCatalog = (issues?.Count ?? 0) - counted;

        // A ship date's year is the year volumes count in: a mistyped year (1925, 0205) opened a fresh LPP year of its own.
        if (order.ShipDate is { } shipDate)
        {
            if (shipDate < ControlsBegan)
                Add(ref issues, new FieldIssue(IssueCodes.Invalid, OrderColumns.ShipDate, string.Create(CultureInfo.InvariantCulture,
                    $"'{shipDate:yyyy-MM-dd}' is before {ControlsBegan:yyyy-MM-dd}, when the advanced-computing controls (ECCNs 3A090 and 4A090, 87 FR 62186) took effect; check the year")));
            else if (asOf.Year <= DateOnly.MaxValue.Year - MaxYearsAhead && shipDate > asOf.AddYears(MaxYearsAhead)) // none is, as of 9995 on
                Add(ref issues, new FieldIssue(IssueCodes.Invalid, OrderColumns.ShipDate, string.Create(CultureInfo.InvariantCulture,
                    $"'{shipDate:yyyy-MM-dd}' is more than {MaxYearsAhead} years after the as-of date {asOf:yyyy-MM-dd}; check the year")));
        }

        var shipTo = Place(order.DestinationCountry, OrderColumns.DestinationCountry, required: true, ref issues);
        var endUserPlace = Place(order.EndUserCountry, OrderColumns.EndUserCountry, required: false, ref issues);
        var destination = endUserPlace.Given ? endUserPlace : shipTo;
        var hq = Place(order.EndUserHqCountry, OrderColumns.EndUserHqCountry, required: false, ref issues);

        return new LineFacts(order, pack.EndUseTerms, this)
        {
            Chip = chipFacts,
            Eccn = chipClass.Eccn?.Value ?? "",
            IsA = chipClass.Level == ControlLevel.A && !chipClass.Unsettled,
            IsB = chipClass.Level == ControlLevel.B && !chipClass.Unsettled,
            ClassUnsettled = chipClass.Unsettled,
            ClassUnknown = chip.Tpp is null || chipClass.Unsettled,
            ClassBasis = chipClass.Basis,
            ShipTo = shipTo,
            Destination = destination,
            Hq = hq,
            ShipDate = order.ShipDate ?? asOf,
            DataIssues = (IReadOnlyList<FieldIssue>?)issues ?? [],
            Unusable = issues is null ? FactInputs.None : unusable | FactSources.Of(issues, counted + belowCatalog),
        };
    }

    /// <summary>Whether the pack names any validated end user (if not, no line's end user need be looked up to know it is
    /// not one).</summary>
    internal bool HasValidatedEndUsers => !pack.ValidatedEndUsers.IsEmpty;

    /// <summary>Whether <paramref name="endUser"/> is a validated end user of the pack in <paramref name="destination"/>
    /// (callers ask <see cref="HasValidatedEndUsers"/> first, to spare the name's lookup).</summary>
    internal bool IsValidatedEndUser(Parties.PartyName? endUser, Place destination) =>
        endUser is not null && destination.Known && pack.ValidatedEndUsers.FindByKey(endUser.Key, destination.Code) is not null;

    /// <summary>The parties screened for a line: the end user in the ultimate destination (and in its headquarters' country,
    /// when given), and the consignee, when the order names one other than the end user, in the ship-to country. Screening
    /// itself waits until a rule reads the facts.</summary>
    internal Parties.PartyFacts PartyFactsOf(Parties.PartyName? endUser, Parties.PartyName? consignee, Place destination, Place shipTo, Place hq)
    {
        if (pack.Parties.NameCount == 0)
            return Parties.PartyFacts.None;
        if (consignee is not null && consignee.Key == (endUser?.Key ?? ""))
            consignee = null;
        return new Parties.PartyFacts(pack.Parties, endUser, destination.Code, consignee, shipTo.Code) { EndUserHqCountry = hq.Code };
    }

    /// <summary>A TPP past this is a typing error, not a chip (the largest of 2025 are near 40,000); it also keeps a line's
    /// volume, TPP x chips per unit x quantity, well inside the range of a decimal.</summary>
    internal const decimal MaxTpp = 1_000_000_000m;

    /// <summary>The day the advanced-computing controls took effect (87 FR 62186, which added ECCNs 3A090 and 4A090 to the
    /// EAR): no line screened under them ships before it, so an earlier ship date is a mistyped year.</summary>
    internal static readonly DateOnly ControlsBegan = new(2022, 10, 7);

    /// <summary>A ship date more than this many years after the as-of date is a mistyped year (an order is not screened
    /// years ahead of shipping, and the rules will have changed by then).</summary>
    internal const int MaxYearsAhead = 5;

    /// <summary>A die area below this is a typing error (PD would pass any threshold, or the range of a decimal).</summary>
    internal const decimal MinDieAreaMm2 = 0.01m;

    /// <summary>A die area past this is a typing error: it is the area of a whole 300 mm wafer (pi x 150 mm x 150 mm =
    /// 70,685.8 mm², rounded up), the largest wafers made, and no die is larger than its wafer (the wafer-scale chips of 2025
    /// are about 46,000 mm²). A larger "die" would make the PD tiny and clear a chip as outside 3A090: TPP 4,000 on
    /// 6,000,000 mm² went to China as NLR.</summary>
    internal const decimal MaxDieAreaMm2 = 70_686m;

    private static readonly ChipClass UnknownTpp = new(ControlLevel.None, null, null, false, "TPP unknown");

    /// <summary>A chip's facts and class. Catalog parts are remembered by their entry (a batch repeats a few dozen, and
    /// lines share the immutable facts); explicit figures are not (they are mostly all different).</summary>
    /// <remarks>The catalog bounds how many are remembered: a catalog part's figures all come from its entry, which is
    /// looked up by identity, not by hashing its figures.</remarks>
    private (ChipFacts Facts, ChipClass Class) ChipOf(ChipKey chip) =>
        chip.Catalog is { } spec ? _chips.GetOrAdd(spec, static (_, arg) => arg.Self.Make(arg.Chip), (Self: this, Chip: chip)) : Make(chip);

    private (ChipFacts Facts, ChipClass Class) Make(ChipKey chip)
    {
        var chipClass = chip.Tpp is { } tpp ? Classifier.Classify(tpp, chip.Die, chip.Datacenter, chip.ChipsPerUnit, pack.Classification) : UnknownTpp;
        return (new ChipFacts(chip.Sku, chip.Name, chip.Tpp ?? 0, chip.Die, chipClass.Pd ?? 0, chip.Datacenter, chip.ChipsPerUnit, chip.Bandwidth ?? 0), chipClass);
    }

    /// <summary>What a chip's facts and class follow from; <paramref name="Catalog"/> is the entry they all come from, when
    /// the row overrides none of its figures.</summary>
    private readonly record struct ChipKey(string Sku, string Name, decimal? Tpp, decimal? Die, bool Datacenter, int ChipsPerUnit, decimal? Bandwidth, ChipSpec? Catalog);

    /// <summary>A party's name with its identity key (<see cref="Parties.PartyNames.Key"/>: case, accents, punctuation and
    /// spacing ignored) and its list hits once screened, remembered per distinct name: a batch repeats its end users and
    /// consignees on many lines.</summary>
    public Parties.PartyName Name(string name) => _names.GetOrAdd(name, Parties.PartyName.Of);

    /// <summary>The chip of a line; <paramref name="spec"/> is the catalog part it names, if any.</summary>
    private ChipKey Chip(OrderLine order, ref List<FieldIssue>? issues, out ChipSpec? spec)
    {
        spec = null;
        if (order.Sku is { } sku && !pack.Catalog.TryFind(sku, out spec))
        {
            Add(ref issues, new FieldIssue(IssueCodes.UnknownSku, OrderColumns.Sku, $"'{sku}' is not in the chip catalog"));
            spec = null;
        }

        var tpp = order.Tpp ?? spec?.Tpp;
        if (order.Tpp is <= 0)
        {
            // No chip has a TPP of 0: an ERP that writes 0 for "not known" must not clear the line as a chip below every threshold.
            Add(ref issues, new FieldIssue(IssueCodes.Invalid, OrderColumns.Tpp, $"{order.Tpp} is not greater than 0"));
            tpp = null;
        }
        else if (order.Tpp is > MaxTpp)
        {
            Add(ref issues, new FieldIssue(IssueCodes.Invalid, OrderColumns.Tpp, string.Create(CultureInfo.InvariantCulture, $"{order.Tpp} is larger than any chip's TPP (at most {MaxTpp:N0})")));
            tpp = null;
        }
        else if (tpp is null && order.Sku is null && !HasIssue(order, OrderColumns.Tpp))
            Add(ref issues, new FieldIssue(IssueCodes.TppMissing, OrderColumns.Tpp, "is missing and no catalog SKU gives it"));

        var die = order.DieAreaMm2 ?? spec?.DieAreaMm2;
        if (order.DieAreaMm2 is <= 0)
        {
            Add(ref issues, new FieldIssue(IssueCodes.Invalid, OrderColumns.DieAreaMm2, $"{order.DieAreaMm2} is not greater than 0"));
            die = null;
        }
        else if (order.DieAreaMm2 is < MinDieAreaMm2)
        {
            Add(ref issues, new FieldIssue(IssueCodes.Invalid, OrderColumns.DieAreaMm2, string.Create(CultureInfo.InvariantCulture, $"{order.DieAreaMm2} is smaller than any chip's die (at least {MinDieAreaMm2} mm²)")));
            die = null;
        }
        else if (order.DieAreaMm2 is > MaxDieAreaMm2)
        {
            Add(ref issues, new FieldIssue(IssueCodes.Invalid, OrderColumns.DieAreaMm2, string.Create(CultureInfo.InvariantCulture,
                $"{order.DieAreaMm2} is larger than any chip's die (at most {MaxDieAreaMm2:N0} mm², the area of a whole 300 mm wafer)")));
            die = null;
        }

        var chipsPerUnit = order.ChipsPerUnit ?? spec?.ChipsPerUnit ?? 1;
        if (chipsPerUnit <= 0)
        {
            Add(ref issues, new FieldIssue(IssueCodes.Invalid, OrderColumns.ChipsPerUnit, $"{chipsPerUnit} is not a positive whole number"));
            chipsPerUnit = 1;
        }
        // Unknown whether it is a datacenter part: assume it is (regulations.md section 1).
        var datacenter = order.Datacenter ?? spec?.Datacenter ?? true;
        var fromCatalog = spec is not null && order.Tpp is null && order.DieAreaMm2 is null && order.Datacenter is null && order.ChipsPerUnit is null;
        return new ChipKey(spec?.Sku ?? order.Sku ?? "", spec?.Name ?? "", tpp, die, datacenter, chipsPerUnit, spec?.MemoryBandwidthGbs, fromCatalog ? spec : null);
    }

    /// <summary>Holds a row whose own figures put a controlled catalog part in a lower class than the catalog's figures do,
    /// declare a datacenter part not one, give a unit fewer chips than the catalog's, or give a controlled part a lower
    /// TPP than the catalog's. The row's figures still decide
    /// (the contract lets them override the catalog), but an H100 declared at TPP 1.5, or as a non-datacenter part, must
    /// not pass as a less controlled chip without a person looking, nor an 8-GPU board declared to hold 1 count an eighth
    /// of its volume against the LPP limit and the country allocation. <c>own</c> is the class the row's figures
    /// (<c>row</c>) give.</summary>
    private void HoldIfBelowCatalog(ChipSpec spec, ChipClass own, ChipKey row, OrderLine order, ref List<FieldIssue>? issues)
    {
        var catalog = ChipOf(new ChipKey(spec.Sku, spec.Name, spec.Tpp, spec.DieAreaMm2, spec.Datacenter, spec.ChipsPerUnit, spec.MemoryBandwidthGbs, spec)).Class;
        // Not a datacenter part changes which license exceptions apply even where the class stays, and which rules apply to
        // a part outside 3A090 (us-2026's H20 class is datacenter parts only).
        var undeclaredDatacenter = spec.Datacenter && !row.Datacenter;
        // Fewer chips per unit leaves the class but divides the line's volume (TPP x chips per unit x quantity). A count
        // that is not a positive whole number is held already.
        var fewerChips = order.ChipsPerUnit is > 0 and var n && n < spec.ChipsPerUnit;
        // A lower TPP that keeps a controlled part in its class still counts its volume too low, and can carry it below a
        // pack's own TPP lines (us-2026's case-by-case review below 21,000). A TPP not above 0 is held already.
        var lowerTpp = catalog.Level != ControlLevel.None && order.Tpp is > 0 and var t0 && t0 < spec.Tpp;
        if (own.Level >= catalog.Level && !undeclaredDatacenter && !fewerChips && !lowerTpp)
            return;
        var differs = new List<(string Field, string Given)>(4);
        if (order.Tpp is { } t && t != spec.Tpp)
            differs.Add((OrderColumns.Tpp, $"{Figure(t)} (catalog {Figure(spec.Tpp)})"));
        if (order.DieAreaMm2 is { } d && d != spec.DieAreaMm2)
            differs.Add((OrderColumns.DieAreaMm2, $"{Figure(d)} (catalog {(spec.DieAreaMm2 is { } c ? Figure(c) : "none")})"));
        if (order.Datacenter is { } dc && dc != spec.Datacenter)
            differs.Add((OrderColumns.Datacenter, $"{Flag(dc)} (catalog {Flag(spec.Datacenter)})"));
        if (order.ChipsPerUnit is { } cpu && cpu != spec.ChipsPerUnit)
            differs.Add((OrderColumns.ChipsPerUnit, $"{cpu} (catalog {spec.ChipsPerUnit})"));
        if (differs.Count == 0)
            return;
        var others = differs.Count == 1 ? "" : string.Concat(differs.Skip(1).Select(x => $", with {x.Field} {x.Given}")) + ",";
        var effect = own.Level < catalog.Level
            ? $"puts {spec.Sku} {ClassName(own)} ({own.Basis}), where the catalog's figures put it {ClassName(catalog)} ({catalog.Basis})"
            : undeclaredDatacenter
                ? catalog.Level == ControlLevel.None
                    ? $"declares {spec.Sku} not a datacenter part, which changes the rules that apply to it"
                    : $"declares {spec.Sku} ({catalog.Eccn}) not a datacenter part, which changes the license exceptions open to it"
                : fewerChips
                    ? $"gives a unit of {spec.Sku} fewer chips than the catalog's {spec.ChipsPerUnit}, which counts the line's volume " +
                      "(TPP x chips per unit x quantity) too low against the LPP limit and the country allocation"
                    : $"gives {spec.Sku} ({catalog.Eccn}) a lower TPP than the catalog's, which counts the line's volume " +
                      "(TPP x chips per unit x quantity) too low against the LPP limit and the country allocation, and can carry it below a TPP line of the rules";
        Add(ref issues, new FieldIssue(IssueCodes.Invalid, differs[0].Field,
            $"{differs[0].Given}{others} {effect}; a row's figures may not make a catalog part less controlled without review"));

        static string Figure(decimal value) => Criterion.Format(value);
        static string Flag(bool value) => value ? "true" : "false";
        static string ClassName(ChipClass c) => c.Level == ControlLevel.None ? "outside 3A090" : $"in {c.Eccn}";
    }

    private Place Place(string? text, string field, bool required, ref List<FieldIssue>? issues)
    {
        var place = pack.Countries.Resolve(text, out var problem);
        if (problem is not null)
            Add(ref issues, new FieldIssue(IssueCodes.UnknownCountry, field, problem));
        else if (required && !place.Given)
            Add(ref issues, new FieldIssue(IssueCodes.Missing, field, "is missing"));
        return place;
    }

    /// <summary>Whether a party's name has a letter or digit: what its identity key (<see cref="Parties.PartyNames.Key"/>)
    /// and the restricted-party matcher compare. A name without one ("...", "-", a zero-width space, control characters)
    /// cannot be screened against any list, and all such names would share one empty key, and so one LPP limit.</summary>
    /// <remarks>Tested per UTF-16 unit, as the key and the matcher read names: a letter outside the Basic Multilingual
    /// Plane counts for neither.</remarks>
    internal static bool HasLetterOrDigit(string name)
    {
        foreach (var c in name)
            if (char.IsLetterOrDigit(c))
                return true;
        return false;
    }

    /// <summary>The text with what would not show in a message (controls, format characters such as U+200B or U+FEFF,
    /// whitespace other than a space, halves of surrogate pairs) written as <c>&lt;U+200B&gt;</c>.</summary>
    private static string Visible(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogatePair(text, i))
                sb.Append(c).Append(text[++i]); // an emoji, say: it shows
            else if (c == ' ' || !(char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) ||
                                   CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned))
                sb.Append(c);
            else
                sb.Append(CultureInfo.InvariantCulture, $"<U+{(int)c:X4}>");
        }
        return sb.ToString();
    }

    private static void Add(ref List<FieldIssue>? issues, FieldIssue issue) => (issues ??= []).Add(issue);

    /// <summary>Whether the field's text was found bad as it was read (a line on other rows too says nothing of its text).</summary>
    private static bool HasIssue(OrderLine order, string field) => order.Issues.Any(i => i.Field == field && i.Code != IssueCodes.DuplicateLine);
}
