using ChipScreen.Screening;

namespace ChipScreen.Rules;

/// <summary>A line whose outcome differs between two packs: the decision under each, with both sets of reasons.</summary>
/// <param name="Before">The line's decision under the first pack (<c>--from</c>).</param>
/// <param name="After">The line's decision under the second pack (<c>--to</c>).</param>
public sealed record PackDiffLine(LineDecision Before, LineDecision After)
{
    /// <summary>The change, e.g. <c>NLR -> LICENSE_REQUIRED</c> or <c>LICENSE_EXCEPTION AIA -> NLR</c>.</summary>
    public string Change => $"{Outcome(Before)} -> {Outcome(After)}";

    /// <summary>A decision with its license exception, e.g. <c>LICENSE_EXCEPTION LPP</c>.</summary>
    public static string Outcome(LineDecision decision) =>
        decision.Exception is { Length: > 0 } e ? $"{decision.Decision.ToContractString()} {e}" : decision.Decision.ToContractString();
}
