using ChipScreen.Screening;

namespace ChipScreen.Reports;

/// <summary>Counts of a batch's decisions, accumulated as they stream by.</summary>
/// <remarks>Every count is kept in a sorted map so reports list them in a stable order. Not thread-safe.</remarks>
public sealed class BatchSummary
{
    private readonly long[] _byDecision = new long[5];

    /// <summary>Lines seen.</summary>
    public long Lines { get; private set; }

    /// <summary>Lines per decision, most severe first.</summary>
    public IEnumerable<(Decision Decision, long Count)> ByDecision => DecisionText.BySeverity.Select(d => (d, _byDecision[(int)d]));

    /// <summary>The count of one decision.</summary>
    public long Count(Decision decision) => _byDecision[(int)decision];

    /// <summary>Lines per license exception (LICENSE_EXCEPTION lines only).</summary>
    public SortedDictionary<string, long> ByException { get; } = new(StringComparer.Ordinal);

    /// <summary>Lines per ultimate-destination tier ("" when unknown).</summary>
    public SortedDictionary<string, long> ByTier { get; } = new(StringComparer.Ordinal);

    /// <summary>Lines per ultimate destination ("" when unknown), then per decision.</summary>
    public SortedDictionary<string, long[]> ByDestination { get; } = new(StringComparer.Ordinal);

    /// <summary>Lines per ECCN ("" outside 3A090/4A090), then per decision.</summary>
    public SortedDictionary<string, long[]> ByEccn { get; } = new(StringComparer.Ordinal);

    /// <summary>Lines per rule id that fired.</summary>
    public SortedDictionary<string, long> ByRule { get; } = new(StringComparer.Ordinal);

    /// <summary>Counts one decision.</summary>
    public void Add(LineDecision decision) => Add(DecisionDigest.Of(decision));

    /// <summary>Counts one decision from its digest.</summary>
    public void Add(DecisionDigest decision)
    {
        Lines++;
        _byDecision[(int)decision.Decision]++;
        if (decision.Exception is { } exception)
            Increment(ByException, exception);
        Increment(ByTier, decision.Tier?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
        IncrementDecision(ByDestination, decision.Destination, decision.Decision);
        IncrementDecision(ByEccn, decision.Eccn, decision.Decision);
        foreach (var rule in decision.RuleIds.Split(';'))
            Increment(ByRule, rule);
    }

    private static void Increment(SortedDictionary<string, long> map, string key) =>
        map[key] = map.GetValueOrDefault(key) + 1;

    private static void IncrementDecision(SortedDictionary<string, long[]> map, string key, Decision decision)
    {
        if (!map.TryGetValue(key, out var counts))
            map[key] = counts = new long[5];
        counts[(int)decision]++;
    }
}

/// <summary>What a summary counts of a decision: small enough to pass between threads cheaply.</summary>
/// <param name="Decision">The decision.</param>
/// <param name="Exception">Its license exception.</param>
/// <param name="Tier">The destination's tier.</param>
/// <param name="Destination">The destination code.</param>
/// <param name="Eccn">The ECCN, or empty.</param>
/// <param name="RuleIds">The ids of the rules that fired, joined with ";".</param>
public readonly record struct DecisionDigest(Decision Decision, string? Exception, int? Tier, string Destination, string Eccn, string RuleIds)
{
    /// <summary>The digest of a decision.</summary>
    public static DecisionDigest Of(LineDecision decision) =>
        new(decision.Decision, decision.Exception, decision.Tier, decision.Destination, decision.Eccn?.Value ?? "", decision.RuleIds);
}
