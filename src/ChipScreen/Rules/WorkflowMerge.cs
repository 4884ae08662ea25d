namespace ChipScreen.Rules;

/// <summary>Merges an extending pack's workflows over its base pack's.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>A rule whose <c>RuleName</c> the base already has replaces that rule where it stands (its order, and so the
/// order of reasons, is kept).</item>
/// <item>A rule written with <c>"Enabled": false</c> removes the base rule of that name.</item>
/// <item>Any other rule is added at the end of the workflow of the same <c>WorkflowName</c>, or of a new workflow
/// after the base's ones.</item>
/// <item>A global parameter replaces the base's global of the same name in that workflow, or is added.</item>
/// </list>
/// </remarks>
internal static class WorkflowMerge
{
    /// <summary>The merged workflows; the inputs are not changed.</summary>
    public static List<WorkflowSource> Apply(IReadOnlyList<WorkflowSource> baseWorkflows, IReadOnlyList<WorkflowSource> overlay, List<PackError> errors)
    {
        var merged = baseWorkflows.Select(w => new Building(w)).ToList();
        foreach (var workflow in overlay)
        {
            var target = merged.FirstOrDefault(w => w.Name == workflow.Name);
            if (target is null)
            {
                target = new Building(workflow with { Globals = [], Rules = [], Disabled = [] });
                merged.Add(target);
            }
            foreach (var global in workflow.Globals)
            {
                var at = target.Globals.FindIndex(g => g.Name == global.Name);
                if (at >= 0)
                    target.Globals[at] = global;
                else
                    target.Globals.Add(global);
            }
            foreach (var rule in workflow.Rules)
            {
                if (Find(merged, rule.Rule.Id) is { } found)
                    found.Workflow.Rules[found.Index] = rule;
                else
                    target.Rules.Add(rule);
            }
            foreach (var off in workflow.Disabled)
            {
                if (Find(merged, off.Rule.Id) is { } found)
                    found.Workflow.Rules.RemoveAt(found.Index);
                else
                    errors.Add(off.File.Error($"{off.Path}.RuleName", PackErrorCodes.RuleNotInBase,
                        $"rule {off.Rule.Id} is disabled here, but the pack it extends has no rule {off.Rule.Id}; remove it or check the id", off.Rule.Id));
            }
        }
        return merged.Select(w => w.Build()).ToList();
    }

    private static (Building Workflow, int Index)? Find(List<Building> workflows, string id)
    {
        foreach (var w in workflows)
        {
            var i = w.Rules.FindIndex(r => r.Rule.Id == id);
            if (i >= 0)
                return (w, i);
        }
        return null;
    }

    private sealed class Building(WorkflowSource source)
    {
        public string Name { get; } = source.Name;
        public List<GlobalParam> Globals { get; } = [.. source.Globals];
        public List<WorkflowRule> Rules { get; } = [.. source.Rules];
        public WorkflowSource Build() => source with { Globals = Globals, Rules = Rules, Disabled = [] };
    }
}
