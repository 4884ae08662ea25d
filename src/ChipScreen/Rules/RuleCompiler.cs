using System.Linq.Expressions;
using ChipScreen.Countries;
using ChipScreen.Screening;
using ChipScreen.Volumes;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace ChipScreen.Rules;

/// <summary>Compiles a pack's workflows with RulesEngine's own expression parser, checking each expression as it goes.</summary>
internal static class RuleCompiler
{
    /// <summary>The input name rule expressions use for the line.</summary>
    public const string InputName = "line";

    /// <summary>The RulesEngine settings both evaluation paths use: the input types rules may call methods on.</summary>
    public static ReSettings Settings() => new()
    {
        CustomTypes = [typeof(LineFacts), typeof(ChipFacts), typeof(Place), typeof(VolumeView), typeof(Parties.PartyFacts)],
    };

    /// <summary>Compiles every workflow; problems are added to <paramref name="errors"/> and null is returned if any.</summary>
    public static CompiledRules? Compile(
        IReadOnlyList<WorkflowSource> workflows,
        IReadOnlyCollection<string> groups,
        IReadOnlyCollection<string> termLists,
        List<PackError> errors)
    {
        var parser = new RuleExpressionParser(Settings());
        var line = Expression.Parameter(typeof(LineFacts), InputName);
        var fired = Expression.Parameter(typeof(bool[]), "fired");
        var variables = new List<ParameterExpression>();
        var statements = new List<Expression>();
        var volumeVariables = new List<ParameterExpression>();
        var volumeStatements = new List<Expression>();
        var rules = new List<RuleDefinition>();
        var messages = new List<MessageTemplate>();
        var reads = new List<FactInputs>();
        var before = errors.Count;

        foreach (var workflow in workflows)
        {
            var scope = new List<ParameterExpression> { line };
            var globals = new List<(ParameterExpression Variable, Expression Body)>();
            // Globals whose expression failed: their error is the one reported, not "Unknown identifier" again at each use.
            var failed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var global in workflow.Globals)
            {
                var body = Parse(parser, global.Expression, scope, null, global.File, global.Path, null, groups, termLists, errors, failed, out var parsed);
                if (body is null)
                {
                    failed.Add(global.Name);
                    // Parsed but refused: declared with its type, so what uses it is still checked (nothing runs: the pack has errors).
                    if (parsed is not null)
                        scope.Add(Expression.Parameter(parsed.Type, global.Name));
                    continue;
                }
                var variable = Expression.Parameter(body.Type, global.Name);
                scope.Add(variable);
                globals.Add((variable, body));
                variables.Add(variable);
                statements.Add(Expression.Assign(variable, body));
            }

            foreach (var (rule, path, file) in workflow.Rules)
            {
                var body = Parse(parser, rule.Expression, scope, typeof(bool), file, $"{path}.Expression", rule.Id, groups, termLists, errors, failed, out _);
                var template = CompileMessage(parser, rule, file, $"{path}.Properties.message", line, scope, globals, groups, termLists, errors, failed);
                if (body is null || template is null)
                    continue;
                var slot = Expression.Assign(Expression.ArrayAccess(fired, Expression.Constant(rules.Count)), body);
                statements.Add(slot);
                var needed = Needed(body, globals);
                // LPP is an exception within a yearly limit: a rule that grants it without asking whether the line fits
                // grants it past the limit.
                if (rule.Decision == Decision.LicenseException && rule.Exception == "LPP" && !Reads(body, needed, ConsigneeYearLimit))
                {
                    errors.Add(file.Error($"{path}.Expression", PackErrorCodes.ConsumesInvalid,
                        "the rule grants LPP without checking the consignee's yearly limit: its expression must read line.Volume.ConsigneeYearFits (LPP applies only while the consignee's volume this year, with the line, is within the limit)", rule.Id));
                    continue;
                }
                if (Reads(body, needed, VolumeLimits))
                {
                    // The rules that read volume limits, with the globals they need, evaluate again on their own
                    // when only the limits change (the planner's four cases).
                    foreach (var g in needed.Where(g => !volumeVariables.Contains(g.Variable)))
                    {
                        volumeVariables.Add(g.Variable);
                        volumeStatements.Add(Expression.Assign(g.Variable, g.Body));
                    }
                    volumeStatements.Add(slot);
                }
                rules.Add(rule);
                messages.Add(template);
                reads.Add(needed.Aggregate(FactReads.Of(body), (all, g) => all | FactReads.Of(g.Body)));
            }
        }

        if (errors.Count != before)
            return null;
        statements.Add(Expression.Empty());
        volumeStatements.Add(Expression.Empty());
        var evaluate = Expression.Lambda<Action<LineFacts, bool[]>>(Expression.Block(variables, statements), line, fired).Compile();
        var evaluateVolume = Expression.Lambda<Action<LineFacts, bool[]>>(Expression.Block(volumeVariables, volumeStatements), line, fired).Compile();
        return new CompiledRules(rules, evaluate, evaluateVolume, messages.ToArray(), reads.ToArray());
    }

    private static MessageTemplate? CompileMessage(
        RuleExpressionParser parser, RuleDefinition rule, JsonSource file, string path, ParameterExpression line,
        List<ParameterExpression> scope, List<(ParameterExpression Variable, Expression Body)> globals,
        IReadOnlyCollection<string> groups, IReadOnlyCollection<string> termLists, List<PackError> errors, IReadOnlySet<string> failedGlobals)
    {
        var (parts, problem) = MessageTemplate.Split(rule.MessageTemplate);
        if (problem is not null)
        {
            errors.Add(file.Error(path, PackErrorCodes.MessageInvalid, $"the message {problem}", rule.Id));
            return null;
        }
        var values = new List<Func<LineFacts, object?>>();
        foreach (var part in parts.Where(p => p.Expression is not null))
        {
            var body = Parse(parser, part.Expression!, scope, null, file, path, rule.Id, groups, termLists, errors, failedGlobals, out _, "the message placeholder {" + part.Expression + "}");
            if (body is null)
                return null;
            // Compute only the globals this placeholder needs, in their order.
            var needed = Needed(body, globals);
            var block = Expression.Block(
                needed.Select(g => g.Variable),
                needed.Select(g => (Expression)Expression.Assign(g.Variable, g.Body)).Append(Expression.Convert(body, typeof(object))));
            values.Add(Expression.Lambda<Func<LineFacts, object?>>(block, line).Compile());
        }
        return MessageTemplate.Create(parts, values);
    }

    private static readonly string[] ConsigneeYearLimit = [nameof(VolumeView.ConsigneeYearFits)];
    private static readonly string[] VolumeLimits = [nameof(VolumeView.ConsigneeYearFits), nameof(VolumeView.CountryAllocationFits)];

    /// <summary>Whether a rule's expression, or a global it needs, reads one of the volume limits <paramref name="limits"/>.</summary>
    private static bool Reads(Expression body, List<(ParameterExpression Variable, Expression Body)> needed, string[] limits) =>
        VolumeReads.Any(body, limits) || needed.Any(g => VolumeReads.Any(g.Body, limits));

    private static List<(ParameterExpression Variable, Expression Body)> Needed(Expression body, List<(ParameterExpression Variable, Expression Body)> globals)
    {
        var used = Parameters.Of(body);
        for (var i = globals.Count - 1; i >= 0; i--)
            if (used.Contains(globals[i].Variable))
                used.UnionWith(Parameters.Of(globals[i].Body));
        return globals.Where(g => used.Contains(g.Variable)).ToList();
    }

    private static Expression? Parse(
        RuleExpressionParser parser, string expression, List<ParameterExpression> scope, Type? returnType,
        JsonSource file, string path, string? ruleId, IReadOnlyCollection<string> groups, IReadOnlyCollection<string> termLists,
        List<PackError> errors, IReadOnlySet<string> failedGlobals, out Expression? parsed, string what = "the expression")
    {
        parsed = null;
        foreach (var (name, at, why) in ForbiddenNames.Find(expression))
        {
            var (fline, fcolumn) = file.Locate(path);
            errors.Add(new PackError(file.DisplayPath, fline, fcolumn is { } fc && what == "the expression" ? fc + 1 + at : fcolumn, ruleId, PackErrorCodes.ExpressionForbidden,
                $"{what} uses {name} ({why}), which rules may not use: an expression may read only the input line, the workflow's global parameters and plain values (text, numbers, dates, Math)"));
        }
        Expression body;
        try
        {
            body = parser.Parse(expression, scope.ToArray(), returnType!);
        }
        catch (Exception e)
        {
            // A global whose expression failed and that has no type to declare (it did not compile): its own error is the one.
            if (System.Text.RegularExpressions.Regex.Match(e.Message, @"^Unknown identifier '([^']*)'") is { Success: true } unknown && failedGlobals.Contains(unknown.Groups[1].Value))
                return null;
            var (line, column) = file.Locate(path);
            var index = System.Text.RegularExpressions.Regex.Match(e.Message, @"\(at index (\d+)\)") is { Success: true } m ? int.Parse(m.Groups[1].Value) : -1;
            var message = System.Text.RegularExpressions.Regex.Replace(e.Message, @"\s*\(at index \d+\)", "");
            var near = index >= 0 && index <= expression.Length ? $" near \"{Excerpt(expression, index)}\"" : "";
            errors.Add(new PackError(file.DisplayPath, line, column is { } c && index >= 0 && what == "the expression" ? c + 1 + index : column, ruleId,
                PackErrorCodes.ExpressionInvalid, $"{what} does not compile: {message}{near}"));
            return null;
        }
        parsed = body;
        if (returnType == typeof(bool) && body.Type != typeof(bool))
        {
            errors.Add(file.Error(path, PackErrorCodes.ExpressionInvalid, $"{what} must be true or false, not {body.Type.Name}", ruleId));
            return null;
        }
        var problems = ExpressionGuard.Check(body, groups, termLists);
        foreach (var problem in problems)
        {
            if (problem.IsUnknownName)
            {
                // Pointed at the quoted name; the expression itself is sound, so what uses it (a global parameter's rules)
                // compiles on and the misspelt name is the one error reported.
                var (nline, ncolumn) = file.Locate(path);
                var at = expression.IndexOf("\"" + problem.Name + "\"", StringComparison.Ordinal);
                errors.Add(new PackError(file.DisplayPath, nline,
                    ncolumn is { } nc && at >= 0 && what == "the expression" ? file.ColumnInString(nline!.Value, nc, at) : ncolumn, ruleId, problem.Code,
                    what == "the expression" ? problem.Message : $"{what}: {problem.Message}"));
            }
            else
            {
                errors.Add(file.Error(path, problem.Code, $"{what} {problem.Message}", ruleId));
            }
        }
        return problems.Any(p => !p.IsUnknownName) ? null : body;
    }

    private static string Excerpt(string expression, int index)
    {
        var start = Math.Max(0, index - 10);
        var end = Math.Min(expression.Length, index + 10);
        return expression[start..end];
    }

    private sealed class VolumeReads(string[] names) : ExpressionVisitor
    {
        private bool _found;

        /// <summary>Whether <paramref name="e"/> reads one of the <see cref="VolumeView"/> members <paramref name="limits"/>.</summary>
        public static bool Any(Expression e, string[] limits)
        {
            var v = new VolumeReads(limits);
            v.Visit(e);
            return v._found;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Member.DeclaringType == typeof(VolumeView) && names.Contains(node.Member.Name))
                _found = true;
            return base.VisitMember(node);
        }
    }

    /// <summary>The inputs of a line that an expression's reads of <see cref="LineFacts"/> and <see cref="ChipFacts"/>
    /// members are derived from (<see cref="FactSources"/>). <c>line.Chip.Tpp</c> counts as a read of the TPP alone, not of
    /// the whole chip; what is read of a place, a volume view or the parties counts as a read of the line member that
    /// holds it.</summary>
    private sealed class FactReads : ExpressionVisitor
    {
        private FactInputs _found;

        public static FactInputs Of(Expression e)
        {
            var v = new FactReads();
            v.Visit(e);
            return v._found;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (FactSources.OfMember(node.Member) is { } inputs)
            {
                _found |= inputs;
                // line.Chip.X reads X, not every figure of the chip.
                if (node.Member.DeclaringType == typeof(ChipFacts) && node.Expression is MemberExpression { Member: var holder } inner &&
                    holder.DeclaringType == typeof(LineFacts) && holder.Name == nameof(LineFacts.Chip))
                {
                    Visit(inner.Expression);
                    return node;
                }
            }
            return base.VisitMember(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (FactSources.OfMember(node.Method) is { } inputs)
                _found |= inputs;
            return base.VisitMethodCall(node);
        }
    }

    private sealed class Parameters : ExpressionVisitor
    {
        private readonly HashSet<ParameterExpression> _found = [];

        public static HashSet<ParameterExpression> Of(Expression e)
        {
            var v = new Parameters();
            v.Visit(e);
            return v._found;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _found.Add(node);
            return node;
        }
    }
}
