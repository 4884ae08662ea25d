using System.Collections.Immutable;
using ChipScreen.Orders;
using ChipScreen.Screening;

namespace ChipScreen.Service;

/// <summary>The decision for one order line, with the pack revision and as-of date that made it.</summary>
/// <param name="Line">The decision with its reasons, the facts it rested on and the input.</param>
/// <param name="Pack">The pack that decided (id, version, revision).</param>
/// <param name="AsOf">The as-of date the line was screened on.</param>
/// <param name="Issues">The data problems that held the line, each naming its field with a stable code; empty when
/// the data was usable. A line with issues is never <c>NLR</c> or <c>LICENSE_EXCEPTION</c>.</param>
public sealed record ScreeningResult(LineDecision Line, PackIdentity Pack, DateOnly AsOf, ImmutableArray<FieldIssue> Issues)
{
    /// <summary>The decision (the most severe any rule gave).</summary>
    public Decision Decision => Line.Decision;

    /// <summary>The license exception of a <c>LICENSE_EXCEPTION</c> decision (<c>AIA</c>, <c>LPP</c>, <c>ACA</c>, <c>NAC</c>, <c>VEU</c>), else null.</summary>
    public string? Exception => Line.Exception;

    /// <summary>The day the rules that made the decision next change (the pack's end, or a dated country-group change);
    /// null when none is known. The decision is the law of <see cref="AsOf"/>: a line that ships on or after this day
    /// must be screened again before it ships (<see cref="ShipsAfterRulesChange"/>).</summary>
    public DateOnly? RulesChangeOn { get; init; }

    /// <summary>Whether the line ships on or after <see cref="RulesChangeOn"/>, so that its decision may not hold when it ships.</summary>
    public bool ShipsAfterRulesChange => RulesChangeOn is { } on && Line.Facts.ShipDate >= on;
}
