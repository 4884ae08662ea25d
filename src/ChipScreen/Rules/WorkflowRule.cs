namespace ChipScreen.Rules;

/// <summary>A rule of a workflow with where it is written: the file (a base pack's or an extending pack's) and its JSON path.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Path">Its JSON path in <paramref name="File"/>, e.g. <c>$.Rules[3]</c>.</param>
/// <param name="File">The file that defines it.</param>
internal sealed record WorkflowRule(RuleDefinition Rule, string Path, JsonSource File);
