using ChipScreen.Screening;

namespace ChipScreen.Rules;

/// <summary>What a test case expects; a part left out of the test file (null here) is not checked.</summary>
/// <param name="Decision">The decision.</param>
/// <param name="Exception">The license exception, <c>""</c> for none, or null when not checked.</param>
/// <param name="Eccn">The ECCN, <c>""</c> outside 3A090/4A090, or null when not checked.</param>
/// <param name="Tier">The tier (0 for unknown), or null when not checked.</param>
/// <param name="RuleIds">Exactly the rules that fire, in pack order, or null when not checked.</param>
public sealed record PackTestExpectation(Decision Decision, string? Exception, string? Eccn, int? Tier, IReadOnlyList<string>? RuleIds)
{
    /// <summary>The expectation as text: <c>LICENSE_EXCEPTION LPP, eccn 3A090.a, tier 2, rules A4</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string> { Decision.ToContractString() + (Exception is { Length: > 0 } e ? " " + e : Exception is "" ? " (no exception)" : "") };
        if (Eccn is not null) parts.Add($"eccn {(Eccn.Length == 0 ? "none" : Eccn)}");
        if (Tier is not null) parts.Add($"tier {(Tier == 0 ? "unknown" : Tier)}");
        if (RuleIds is not null) parts.Add($"rules {(RuleIds.Count == 0 ? "none" : string.Join(";", RuleIds))}");
        return string.Join(", ", parts);
    }
}
