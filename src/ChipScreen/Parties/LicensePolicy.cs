namespace ChipScreen.Parties;

/// <summary>Reads the license review policy of an Entity List entry as published ("Presumption of denial", "Case-by-case review").</summary>
/// <remarks>
/// A policy that denies without qualification, or denies all items with exceptions ("Policy of denial for all items ...
/// apart from food and medicine"), is <see cref="Denial"/>. A policy that denies only some items and reviews the others
/// case by case (SMIC: "Presumption of denial for items uniquely required to produce semiconductors at advanced technology
/// nodes ...; case-by-case review for all other items") is <see cref="CaseByCase"/>: a license is required and the
/// decision's message quotes the policy so a person sees which part applies. A policy stated only by reference ("See
/// §744.3(d)") is <see cref="Unknown"/>.
/// </remarks>
public static class LicensePolicy
{
    /// <summary>The policy denies (policy or presumption of denial).</summary>
    public const string Denial = "denial";

    /// <summary>Case-by-case review (possibly with denial for some items).</summary>
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
        var caseByCase = policy.Contains("case-by-case", StringComparison.OrdinalIgnoreCase) || policy.Contains("case by case", StringComparison.OrdinalIgnoreCase);
        var denial = policy.IndexOf("denial", StringComparison.OrdinalIgnoreCase);
        if (denial >= 0)
        {
            var after = policy[(denial + "denial".Length)..].TrimStart();
            var qualified = after.StartsWith("for ", StringComparison.OrdinalIgnoreCase) && !after.StartsWith("for all items", StringComparison.OrdinalIgnoreCase);
            return qualified && caseByCase ? CaseByCase : Denial;
        }
        if (caseByCase)
            return CaseByCase;
        return policy.Contains("approval", StringComparison.OrdinalIgnoreCase) ? Approval : Unknown;
    }
}
