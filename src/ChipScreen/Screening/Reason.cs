namespace ChipScreen.Screening;

/// <summary>Why a line got (part of) its decision: one rule that fired, with its citation and the values behind it.</summary>
/// <param name="RuleId">The rule's id (e.g. <c>A4</c>), or an engine reason code.</param>
/// <param name="Decision">The decision this rule gives.</param>
/// <param name="Exception">The license exception it names, if any.</param>
/// <param name="Citation">Where the rule comes from (e.g. <c>15 CFR 740.29</c>).</param>
/// <param name="Message">The rule's message with the line's values filled in.</param>
public sealed record Reason(string RuleId, Decision Decision, string? Exception, string Citation, string Message)
{
    /// <summary>The reason as one line of text: <c>A4 [15 CFR 740.29]: message</c>.</summary>
    public override string ToString() => AppendTo(new System.Text.StringBuilder()).ToString();

    /// <summary>Appends the text of <see cref="ToString"/> to <paramref name="sb"/>.</summary>
    public System.Text.StringBuilder AppendTo(System.Text.StringBuilder sb)
    {
        sb.Append(RuleId);
        if (Citation.Length > 0)
            sb.Append(" [").Append(Citation).Append(']');
        return sb.Append(": ").Append(Message);
    }
}
