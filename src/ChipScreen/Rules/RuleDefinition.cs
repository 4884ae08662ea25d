using ChipScreen.Screening;
using ChipScreen.Volumes;

namespace ChipScreen.Rules;

/// <summary>One decision rule of a pack, as written in its RulesEngine workflow file.</summary>
/// <param name="Id">The rule's id (<c>RuleName</c>), e.g. <c>A4</c>.</param>
/// <param name="Workflow">The workflow that holds it.</param>
/// <param name="Expression">The condition, in RulesEngine's expression language over the input <c>line</c>.</param>
/// <param name="Decision">The decision the rule gives when it fires.</param>
/// <param name="Exception">The license exception (AIA, LPP, ACA, NAC, VEU) of a LICENSE_EXCEPTION rule.</param>
/// <param name="Citation">Where the rule comes from.</param>
/// <param name="MessageTemplate">The message, with <c>{expression:format}</c> placeholders.</param>
/// <param name="Consumes">The volume the line consumes when this rule decides it.</param>
/// <param name="Fallback">Fires only when no other rule of the pack fired ("anything else").</param>
/// <param name="Title">A short human name.</param>
/// <param name="File">The file it is defined in.</param>
/// <param name="Line">The line of its definition.</param>
public sealed record RuleDefinition(
    string Id,
    string Workflow,
    string Expression,
    Decision Decision,
    string? Exception,
    string Citation,
    string MessageTemplate,
    VolumeAccount? Consumes,
    bool Fallback,
    string Title,
    string File,
    int? Line);

/// <summary>A named expression a workflow computes once per line (RulesEngine <c>GlobalParams</c>).</summary>
/// <param name="Name">The name rules use.</param>
/// <param name="Expression">The expression.</param>
/// <param name="Path">Its JSON path in the file.</param>
/// <param name="File">The file that defines it (a base pack's or an extending pack's).</param>
internal sealed record GlobalParam(string Name, string Expression, string Path, JsonSource File);
