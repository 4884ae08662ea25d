using ChipScreen.Screening;

namespace ChipScreen.Server.Contracts;

/// <summary>One rule that fired.</summary>
/// <param name="RuleId">The rule id, e.g. A4.</param>
/// <param name="Decision">The decision this rule gives.</param>
/// <param name="Exception">The license exception it names, if any.</param>
/// <param name="Citation">Where the rule comes from.</param>
/// <param name="Message">The rule's message with the line's values.</param>
internal sealed record ReasonResponse(string RuleId, string Decision, string? Exception, string Citation, string Message)
{
    public static ReasonResponse From(Reason reason) =>
        new(reason.RuleId, reason.Decision.ToContractString(), reason.Exception, reason.Citation, reason.Message);
}
