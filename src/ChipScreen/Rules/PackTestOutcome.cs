namespace ChipScreen.Rules;

/// <summary>The outcome of one pack's tests.</summary>
/// <param name="PackId">The pack.</param>
/// <param name="Results">Each case's result, by file and position.</param>
/// <param name="Uncovered">The pack's rules that no case expects to fire (each counts as a failure: every rule needs a test).</param>
/// <param name="Errors">Why the tests could not run (a pack that does not load, a test file with a mistake).</param>
public sealed record PackTestOutcome(string PackId, IReadOnlyList<PackTestResult> Results, IReadOnlyList<string> Uncovered, IReadOnlyList<PackError> Errors)
{
    /// <summary>Cases that passed.</summary>
    public int Passed => Results.Count(r => r.Passed);

    /// <summary>Cases that failed, plus rules without a test.</summary>
    public int Failed => Results.Count(r => !r.Passed) + Uncovered.Count;
}
