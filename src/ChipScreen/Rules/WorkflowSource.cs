using System.Text.Json;
using ChipScreen.Screening;
using ChipScreen.Volumes;

namespace ChipScreen.Rules;

/// <summary>One RulesEngine workflow as read from a pack file: its global parameters and rules, with their positions.</summary>
/// <param name="File">The file it was read from (after merging an extending pack, the first file that named it).</param>
/// <param name="Name">The <c>WorkflowName</c>.</param>
/// <param name="Globals">The global parameters, in order.</param>
/// <param name="Rules">The enabled rules, in order, each with its file and path.</param>
/// <param name="Disabled">The rules written with <c>"Enabled": false</c>: in an extending pack, they remove the base rule of that id.</param>
internal sealed record WorkflowSource(JsonSource File, string Name, IReadOnlyList<GlobalParam> Globals, IReadOnlyList<WorkflowRule> Rules, IReadOnlyList<WorkflowRule> Disabled)
{
    /// <summary>Reads the workflows of a RulesEngine workflow file (an array of workflows, or one workflow).</summary>
    public static List<WorkflowSource> Read(JsonSource file, List<PackError> errors)
    {
        var workflows = new List<WorkflowSource>();
        var root = file.Root;
        if (!file.IsValid)
            return workflows;
        if (root.ValueKind == JsonValueKind.Object)
        {
            workflows.Add(ReadOne(file, "$", root, errors));
        }
        else if (root.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var w in root.EnumerateArray())
                workflows.Add(ReadOne(file, $"$[{i++}]", w, errors));
        }
        else
        {
            errors.Add(file.Error("$", PackErrorCodes.InvalidValue, "a workflow file holds an array of RulesEngine workflows"));
        }
        return workflows;
    }

    private static WorkflowSource ReadOne(JsonSource file, string path, JsonElement workflow, List<PackError> errors)
    {
        if (workflow.ValueKind != JsonValueKind.Object)
        {
            errors.Add(file.Error(path, PackErrorCodes.InvalidValue, "a workflow is an object with \"WorkflowName\" and \"Rules\""));
            return new WorkflowSource(file, "", [], [], []);
        }
        var name = Text(workflow, "WorkflowName");
        if (name is null)
            errors.Add(file.Error(path, PackErrorCodes.MissingValue, "a workflow needs \"WorkflowName\""));

        var globals = new List<GlobalParam>();
        if (workflow.TryGetProperty("GlobalParams", out var gp) && gp.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var g in gp.EnumerateArray())
            {
                var gpath = $"{path}.GlobalParams[{i++}]";
                var gname = Text(g, "Name");
                var gexpr = Text(g, "Expression");
                if (gname is null || gexpr is null || !IsIdentifier(gname))
                    errors.Add(file.Error(gpath, PackErrorCodes.InvalidValue, "a global parameter needs a \"Name\" (letters, digits, _) and an \"Expression\""));
                else if (gname == RuleCompiler.InputName || globals.Any(x => x.Name == gname))
                    errors.Add(file.Error(gpath, PackErrorCodes.InvalidValue, $"the global parameter name \"{gname}\" is already taken"));
                else
                    globals.Add(new GlobalParam(gname, gexpr, $"{gpath}.Expression", file));
            }
        }

        var rules = new List<WorkflowRule>();
        var disabled = new List<WorkflowRule>();
        if (!workflow.TryGetProperty("Rules", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            errors.Add(file.Error(path, PackErrorCodes.MissingValue, "a workflow needs a \"Rules\" array"));
            return new WorkflowSource(file, name ?? "", globals, rules, disabled);
        }
        var r = 0;
        foreach (var rule in list.EnumerateArray())
        {
            var rpath = $"{path}.Rules[{r++}]";
            if (rule.ValueKind == JsonValueKind.Object && rule.TryGetProperty("Enabled", out var enabled) && enabled.ValueKind == JsonValueKind.False)
            {
                if (Text(rule, "RuleName") is { } off)
                    disabled.Add(new WorkflowRule(DisabledRule(off, name ?? "", file, rpath), rpath, file));
                continue;
            }
            if (ReadRule(file, name ?? "", rpath, rule, errors) is { } definition)
                rules.Add(new WorkflowRule(definition, rpath, file));
        }
        return new WorkflowSource(file, name ?? "", globals, rules, disabled);
    }

    private static RuleDefinition? ReadRule(JsonSource file, string workflow, string path, JsonElement rule, List<PackError> errors)
    {
        var before = errors.Count;
        var id = Text(rule, "RuleName");
        if (id is null)
        {
            errors.Add(file.Error(path, PackErrorCodes.MissingValue, "a rule needs a \"RuleName\" (its id, e.g. \"A4\")"));
            return null;
        }
        if (rule.TryGetProperty("Rules", out var nested) && nested.ValueKind == JsonValueKind.Array && nested.GetArrayLength() > 0)
            errors.Add(file.Error($"{path}.Rules", PackErrorCodes.InvalidValue, "nested rules are not supported; write one Expression per rule", id));
        if (Text(rule, "RuleExpressionType") is { } type && type != "LambdaExpression")
            errors.Add(file.Error($"{path}.RuleExpressionType", PackErrorCodes.InvalidValue, "RuleExpressionType must be LambdaExpression", id));
        var expression = Text(rule, "Expression");
        if (expression is null)
            errors.Add(file.Error(path, PackErrorCodes.MissingValue, "the rule needs an \"Expression\"", id));

        var properties = rule.TryGetProperty("Properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        if (properties.ValueKind != JsonValueKind.Object)
        {
            errors.Add(file.Error(path, PackErrorCodes.MissingValue, "the rule needs \"Properties\" with decision, citation and message", id));
            return null;
        }
        var ppath = $"{path}.Properties";

        var decisionText = Text(properties, "decision");
        if (!DecisionText.TryParse(decisionText, out var decision))
            errors.Add(file.Error($"{ppath}.decision", PackErrorCodes.DecisionInvalid,
                $"decision \"{decisionText}\" is not one of PROHIBITED, HOLD, LICENSE_REQUIRED, LICENSE_EXCEPTION, NLR", id));

        // ChipScreen decides by "decision"; RulesEngine reports "SuccessEvent", and a reader of the file (or a program that runs
        // the workflow with RulesEngine itself) takes it for the rule's outcome: the two may not disagree.
        if (decisionText is not null && DecisionText.TryParse(decisionText, out _) &&
            rule.TryGetProperty("SuccessEvent", out var successEvent) && successEvent.ValueKind == JsonValueKind.String &&
            successEvent.GetString() != decision.ToContractString())
            errors.Add(file.Error($"{path}.SuccessEvent", PackErrorCodes.SuccessEventMismatch,
                $"SuccessEvent \"{successEvent.GetString()}\" disagrees with the decision \"{decision.ToContractString()}\": ChipScreen decides by \"decision\", but RulesEngine and a reader of the file take SuccessEvent for the rule's outcome; make them the same (or remove SuccessEvent)", id));

        var exception = Text(properties, "exception");
        if (decision == Decision.LicenseException && decisionText is not null)
        {
            if (exception is null || !DecisionText.LicenseExceptions.Contains(exception))
                errors.Add(file.Error($"{ppath}.exception", PackErrorCodes.ExceptionInvalid,
                    $"a LICENSE_EXCEPTION rule names its exception: one of {string.Join(", ", DecisionText.LicenseExceptions.Order())}, not \"{exception}\"", id));
        }
        else if (exception is not null)
        {
            errors.Add(file.Error($"{ppath}.exception", PackErrorCodes.ExceptionInvalid, $"only a LICENSE_EXCEPTION rule names an exception; remove \"{exception}\" or change the decision", id));
        }

        var citation = Text(properties, "citation");
        if (citation is null)
            errors.Add(file.Error(ppath, PackErrorCodes.MissingValue, "the rule needs a \"citation\" (e.g. \"15 CFR 740.29\")", id));
        var message = Text(properties, "message");
        if (message is null)
            errors.Add(file.Error(ppath, PackErrorCodes.MissingValue, "the rule needs a \"message\" that shows the values behind it", id));

        VolumeAccount? consumes = null;
        if (Text(properties, "consumes") is { } c)
        {
            if (VolumeAccountNames.TryParse(c, out var account))
                consumes = account;
            else
                errors.Add(file.Error($"{ppath}.consumes", PackErrorCodes.InvalidValue, $"consumes \"{c}\" must be consignee_year or country_allocation", id));
        }
        var fallback = properties.TryGetProperty("fallback", out var fb) && fb.ValueKind == JsonValueKind.True;
        if (errors.Count == before)
            CheckConsumes(file, ppath, id, decision, exception, consumes, errors);

        if (errors.Count != before)
            return null;
        var (line, _) = file.Locate(path);
        return new RuleDefinition(id, workflow, expression!, decision, exception, citation!, message!, consumes, fallback,
            Text(properties, "title") ?? id, file.DisplayPath, line);
    }

    /// <summary>A rule's decision, exception and the volume it consumes must agree as the screening contract has them: a line
    /// granted LPP adds to its consignee's yearly volume (so an LPP rule consumes <c>consignee_year</c>, and only LPP does),
    /// and the country allocation counts licensed volume (so only a LICENSE_REQUIRED rule consumes <c>country_allocation</c>).
    /// Anything else would let LPP lines never count toward the limit, or fill a volume with lines that do not ship under it.</summary>
    private static void CheckConsumes(JsonSource file, string ppath, string id, Decision decision, string? exception, VolumeAccount? consumes, List<PackError> errors)
    {
        var gives = decision == Decision.LicenseException ? $"LICENSE_EXCEPTION {exception}" : decision.ToContractString();
        var lpp = decision == Decision.LicenseException && exception == "LPP";
        if (lpp && consumes != VolumeAccount.ConsigneeYear)
            errors.Add(file.Error(consumes is null ? $"{ppath}.exception" : $"{ppath}.consumes", PackErrorCodes.ConsumesInvalid,
                consumes is null
                    ? "the rule grants LPP but consumes nothing: add \"consumes\": \"consignee_year\" (a line under LPP adds to its consignee's yearly volume; without it LPP lines never count toward the limit)"
                    : $"the rule grants LPP but consumes {consumes.Value.Name()}: an LPP line adds to its consignee's yearly volume, so it consumes consignee_year",
                id));
        else if (!lpp && consumes == VolumeAccount.ConsigneeYear)
            errors.Add(file.Error($"{ppath}.consumes", PackErrorCodes.ConsumesInvalid,
                $"the rule gives {gives} but consumes consignee_year, the consignee's yearly LPP volume, which only a LICENSE_EXCEPTION LPP rule consumes; remove \"consumes\" or make the rule grant LPP",
                id));
        else if (consumes == VolumeAccount.CountryAllocation && decision != Decision.LicenseRequired)
            errors.Add(file.Error($"{ppath}.consumes", PackErrorCodes.ConsumesInvalid,
                $"the rule gives {gives} but consumes country_allocation, the country's allocation of licensed volume, which only a LICENSE_REQUIRED rule consumes; remove \"consumes\" or change the decision",
                id));
    }

    /// <summary>A placeholder definition for a disabled rule: only its id and position matter.</summary>
    private static RuleDefinition DisabledRule(string id, string workflow, JsonSource file, string path) =>
        new(id, workflow, "false", Decision.Nlr, null, "", "", null, false, id, file.DisplayPath, file.Locate(path).Line);

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()!.Trim()
            : null;

    private static bool IsIdentifier(string s) => s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(c => char.IsLetterOrDigit(c) || c == '_');
}
