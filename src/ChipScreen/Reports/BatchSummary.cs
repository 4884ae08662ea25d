using ChipScreen.Screening;

namespace ChipScreen.Reports;

/// <summary>Counts of a batch's decisions, accumulated as they stream by.</summary>
/// <remarks>Every count is kept in a sorted map so reports list them in a stable order. Not thread-safe.</remarks>
/// <param name="change">The day the batch's rules change after its as-of date (<see cref="Rules.RulePack.NextChange"/>),
/// which the lines' ship dates are compared with; null to compare with none.</param>
public sealed class BatchSummary(Rules.RulesChange? change = null)
{
    private readonly long[] _byDecision = new long[5];
    private long _afterChange;
    private DateOnly _firstAfter = DateOnly.MaxValue;
    private DateOnly _lastAfter = DateOnly.MinValue;

    /// <summary>The lines that ship on or after the day the batch's rules change (forward orders), with the first and last
    /// such ship date; null when there are none.</summary>
    /// <remarks>Their decisions are right for the as-of date, not necessarily for the day they ship.</remarks>
    public ShipDatesAfterChange? AfterChange => _afterChange == 0 ? null : new(_afterChange, _firstAfter, _lastAfter, change!);

    /// <summary>Lines seen.</summary>
    public long Lines { get; private set; }

    /// <summary>Lines per decision, most severe first.</summary>
    public IEnumerable<(Decision Decision, long Count)> ByDecision => DecisionText.BySeverity.Select(d => (d, _byDecision[(int)d]));

    /// <summary>The count of one decision.</summary>
    public long Count(Decision decision) => _byDecision[(int)decision];

    private readonly Dictionary<string, long> _byException = new(StringComparer.Ordinal);
    private readonly long[] _byTier = new long[4];
    private readonly Dictionary<string, long[]> _byDestination = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long[]> _byEccn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _byRule = new(StringComparer.Ordinal);

    /// <summary>Lines per license exception (LICENSE_EXCEPTION lines only), sorted.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ByException => Sorted(_byException);

    /// <summary>Lines per ultimate-destination tier ("" when unknown), sorted.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ByTier =>
        [.. Enumerable.Range(0, 4).Where(t => _byTier[t] > 0).Select(t => KeyValuePair.Create(t == 0 ? "" : t.ToString(System.Globalization.CultureInfo.InvariantCulture), _byTier[t]))
            .OrderBy(p => p.Key, StringComparer.Ordinal)];

    /// <summary>Lines per ultimate destination ("" when unknown), then per decision; sorted.</summary>
    public IReadOnlyList<KeyValuePair<string, long[]>> ByDestination => Sorted(_byDestination);

    /// <summary>The <see cref="ByEccn"/> key of lines outside 3A090/4A090.</summary>
    public const string NoEccn = "";

    /// <summary>The <see cref="ByEccn"/> key of lines whose class could not be determined
    /// (<see cref="DecisionFacts.ClassUnknown"/>).</summary>
    public const string ClassUnknown = "unknown";

    /// <summary>Lines per ECCN (<see cref="NoEccn"/> outside 3A090/4A090, <see cref="ClassUnknown"/> when the class could
    /// not be determined), then per decision; sorted.</summary>
    public IReadOnlyList<KeyValuePair<string, long[]>> ByEccn => Sorted(_byEccn);

    /// <summary>Lines per rule id that fired, sorted.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ByRule => Sorted(_byRule);

    private readonly long[] _byPartyVerdict = new long[3];

    /// <summary>Lines whose end user or consignee has a candidate on the restricted-party lists with each verdict
    /// (<see cref="Parties.Verdicts"/>: match, review, cleared), in that order; a line with candidates of two verdicts counts
    /// under both.</summary>
    public IEnumerable<(string Verdict, long Lines)> ByPartyVerdict =>
        PartyVerdictFlags.Verdicts.Select((verdict, i) => (verdict, _byPartyVerdict[i]));

    private static KeyValuePair<string, TValue>[] Sorted<TValue>(Dictionary<string, TValue> map) =>
        [.. map.OrderBy(p => p.Key, StringComparer.Ordinal)];

    /// <summary>Counts one decision.</summary>
    public void Add(LineDecision decision) => Add(DecisionDigest.Of(decision));

    /// <summary>Counts one decision from its digest.</summary>
    public void Add(DecisionDigest decision)
    {
        Lines++;
        _byDecision[(int)decision.Decision]++;
        if (change is not null && decision.ShipDate >= change.On)
        {
            _afterChange++;
            if (decision.ShipDate < _firstAfter)
                _firstAfter = decision.ShipDate;
            if (decision.ShipDate > _lastAfter)
                _lastAfter = decision.ShipDate;
        }
        if (decision.Exception is { } exception)
            Increment(_byException, exception);
        _byTier[decision.Tier is { } t and >= 1 and <= 3 ? t : 0]++;
        IncrementDecision(_byDestination, decision.Destination, decision.Decision);
        IncrementDecision(_byEccn, decision.Eccn, decision.Decision);
        for (var i = 0; i < _byPartyVerdict.Length; i++)
            if ((decision.PartyVerdicts & (1 << i)) != 0)
                _byPartyVerdict[i]++;
        var rules = _byRule.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in decision.RuleIds.AsSpan().Split(';'))
        {
            var rule = decision.RuleIds.AsSpan()[range];
            if (rules.TryGetValue(rule, out var count))
                rules[rule] = count + 1;
            else
                _byRule[rule.ToString()] = 1;
        }
    }

    private static void Increment(Dictionary<string, long> map, string key) =>
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(map, key, out _)++;

    private static void IncrementDecision(Dictionary<string, long[]> map, string key, Decision decision)
    {
        ref var counts = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(map, key, out _);
        counts ??= new long[5];
        counts[(int)decision]++;
    }
}

/// <summary>What a summary counts of a decision: small enough to pass between threads cheaply.</summary>
/// <param name="Decision">The decision.</param>
/// <param name="Exception">Its license exception.</param>
/// <param name="Tier">The destination's tier.</param>
/// <param name="Destination">The destination code.</param>
/// <param name="Eccn">The ECCN, <see cref="BatchSummary.NoEccn"/> outside 3A090/4A090, or <see cref="BatchSummary.ClassUnknown"/>
/// when the class could not be determined.</param>
/// <param name="RuleIds">The ids of the rules that fired, joined with ";".</param>
/// <param name="ShipDate">The line's ship date (the as-of date when the line gave none).</param>
/// <param name="PartyVerdicts">The verdicts of its parties' restricted-party candidates, as flags (<see cref="PartyVerdictFlags"/>).</param>
public readonly record struct DecisionDigest(Decision Decision, string? Exception, int? Tier, string Destination, string Eccn, string RuleIds, DateOnly ShipDate, int PartyVerdicts = 0)
{
    /// <summary>The digest of a decision.</summary>
    public static DecisionDigest Of(LineDecision decision) =>
        new(decision.Decision, decision.Exception, decision.Tier, decision.Destination, decision.Eccn?.Value ?? (decision.Facts.ClassUnknown ? BatchSummary.ClassUnknown : BatchSummary.NoEccn), decision.RuleIds, decision.Facts.ShipDate,
            PartyVerdictFlags.Of(decision.Facts.PartyMatches));
}

/// <summary>The verdicts among a line's restricted-party candidates as flags: bit i for <see cref="Verdicts"/>[i].</summary>
internal static class PartyVerdictFlags
{
    /// <summary>The verdicts, in the order of their bits.</summary>
    public static readonly string[] Verdicts = [Parties.Verdicts.Match, Parties.Verdicts.Review, Parties.Verdicts.Cleared];

    public static int Of(System.Collections.Immutable.ImmutableArray<Parties.PartyMatch> matches)
    {
        var flags = 0;
        foreach (var m in matches)
        {
            var i = Array.IndexOf(Verdicts, m.Verdict);
            if (i >= 0)
                flags |= 1 << i;
        }
        return flags;
    }
}

/// <summary>The lines of a batch that ship on or after the day its rules change.</summary>
/// <param name="Lines">How many.</param>
/// <param name="First">The earliest of their ship dates.</param>
/// <param name="Last">The latest.</param>
/// <param name="Change">The change.</param>
public sealed record ShipDatesAfterChange(long Lines, DateOnly First, DateOnly Last, Rules.RulesChange Change);
