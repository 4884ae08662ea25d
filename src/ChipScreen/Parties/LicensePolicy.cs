namespace ChipScreen.Parties;

/// <summary>Reads the license review policy of an Entity List entry as published ("Presumption of denial", "Case-by-case review").</summary>
/// <remarks>
/// Fails closed: a policy that names denial for any items is read as denial, even when it reviews other items case by
/// case (SMIC's policy denies items uniquely required for advanced nodes); the decision's message quotes the policy
/// so a person can see the nuance.
/// </remarks>
public static class LicensePolicy
{
    /// <summary>The policy denies (policy or presumption of denial).</summary>
    public const string Denial = "denial";

    /// <summary>Case-by-case review.</summary>
    public const string CaseByCase = "case_by_case";

    /// <summary>Presumption of approval.</summary>
    public const string Approval = "approval";

    /// <summary>Not stated, or stated by reference only ("See §744.3(d)").</summary>
    public const string Unknown = "unknown";

    /// <summary>The kind of <paramref name="policy"/>.</summary>
    public static string Classify(string? policy)
    {
        if (string.IsNullOrWhiteSpace(policy))
            return Unknown;
        if (policy.Contains("denial", StringComparison.OrdinalIgnoreCase))
            return Denial;
        if (policy.Contains("case-by-case", StringComparison.OrdinalIgnoreCase) || policy.Contains("case by case", StringComparison.OrdinalIgnoreCase))
            return CaseByCase;
        return policy.Contains("approval", StringComparison.OrdinalIgnoreCase) ? Approval : Unknown;
    }
}
