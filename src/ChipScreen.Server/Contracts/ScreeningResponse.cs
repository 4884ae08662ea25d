using ChipScreen.Screening;
using ChipScreen.Service;

namespace ChipScreen.Server.Contracts;

/// <summary>The decision for one order line, as the HTTP API returns it.</summary>
/// <param name="Row">1-based position of the line in its request.</param>
/// <param name="OrderId">The order id.</param>
/// <param name="Line">The line number (as given, or the line's position within its order).</param>
/// <param name="Decision">PROHIBITED, HOLD, LICENSE_REQUIRED, LICENSE_EXCEPTION or NLR.</param>
/// <param name="Exception">AIA, LPP, ACA, NAC or VEU for LICENSE_EXCEPTION; else null.</param>
/// <param name="Eccn">3A090.a, 3A090.b, 4A090.a, 4A090.b, or null outside them.</param>
/// <param name="Tier">The ultimate destination's tier (1, 2, 3), or null when unknown.</param>
/// <param name="Destination">The ultimate destination's ISO code, or empty when unknown.</param>
/// <param name="RuleIds">The ids of the rules that fired.</param>
/// <param name="Reasons">Every rule that fired, with citation and message.</param>
/// <param name="Message">Every reason on one line.</param>
/// <param name="PartyMatches">The end user's and consignee's matches, potential matches and cleared candidates on the
/// restricted-party lists (empty when they are near no listed entry).</param>
/// <param name="Issues">The data problems that held the line (batch lines only; a single order with any is a 400).</param>
/// <param name="Pack">The pack (and its revision) that decided.</param>
/// <param name="AsOf">The as-of date of the screening.</param>
/// <param name="RulesChangeOn">The day the rules that decided next change (the pack's end, or a dated country-group
/// change), or null when none is known.</param>
/// <param name="ShipsAfterRulesChange">Whether the line ships on or after that day: then the decision is the law of the
/// as-of date, not of the ship date, and the line must be screened again before it ships.</param>
internal sealed record ScreeningResponse(
    long Row,
    string OrderId,
    string Line,
    string Decision,
    string? Exception,
    string? Eccn,
    int? Tier,
    string Destination,
    IReadOnlyList<string> RuleIds,
    IReadOnlyList<ReasonResponse> Reasons,
    string Message,
    IReadOnlyList<PartyMatchResponse> PartyMatches,
    IReadOnlyList<IssueResponse> Issues,
    PackRef Pack,
    DateOnly AsOf,
    DateOnly? RulesChangeOn,
    bool ShipsAfterRulesChange)
{
    public static ScreeningResponse From(ScreeningResult result, PackRef pack)
    {
        var d = result.Line;
        return new ScreeningResponse(
            d.Row, d.OrderId, d.Line, d.Decision.ToContractString(), d.Exception, d.Eccn?.Value, d.Tier, d.Destination,
            [.. d.Reasons.Select(r => r.RuleId)], [.. d.Reasons.Select(ReasonResponse.From)], d.Message,
            [.. d.Facts.PartyMatches.Select(PartyMatchResponse.From)],
            [.. result.Issues.Select(IssueResponse.From)], pack, result.AsOf, result.RulesChangeOn, result.ShipsAfterRulesChange);
    }
}
