using ChipScreen.Screening;

namespace ChipScreen.Rules;

/// <summary>The outcome of one test case: whether it passed, what the line got, and how that differs from the expectation.</summary>
/// <param name="Case">The case.</param>
/// <param name="Actual">The decision the pack gave.</param>
/// <param name="Differences">What differs (empty when the case passed), e.g. <c>decision: expected NLR, got LICENSE_REQUIRED</c>.</param>
public sealed record PackTestResult(PackTestCase Case, LineDecision Actual, IReadOnlyList<string> Differences)
{
    /// <summary>Whether the case passed.</summary>
    public bool Passed => Differences.Count == 0;

    /// <summary>What the line got, in the form of <see cref="PackTestExpectation.ToString"/>.</summary>
    public string ActualSummary =>
        new PackTestExpectation(Actual.Decision, Actual.Exception ?? "", Actual.Eccn?.Value ?? "", Actual.Tier ?? 0, Actual.Reasons.Select(r => r.RuleId).ToList()).ToString();
}
