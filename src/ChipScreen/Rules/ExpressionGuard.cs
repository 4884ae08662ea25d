using System.Linq.Expressions;
using System.Reflection;
using ChipScreen.Countries;
using ChipScreen.Screening;
using ChipScreen.Volumes;

namespace ChipScreen.Rules;

/// <summary>Checks a parsed rule expression: it may only read the pack's input types and pure value types.</summary>
/// <remarks>
/// Rule expressions are code from a file. RulesEngine's parser already refuses unknown types such as
/// <c>System.IO.File</c>, but it lets an expression reach reflection through <c>GetType()</c>; this guard
/// rejects every member and method outside an allow-list, and checks that the group and term-list names an
/// expression passes (<c>line.Hq.In("D:5")</c>) exist in the pack.
/// </remarks>
internal sealed class ExpressionGuard : ExpressionVisitor
{
    private static readonly HashSet<Type> s_allowed =
    [
        typeof(LineFacts), typeof(ChipFacts), typeof(Place), typeof(VolumeView), typeof(Parties.PartyFacts),
        typeof(string), typeof(bool), typeof(char), typeof(int), typeof(long), typeof(decimal), typeof(double), typeof(float),
        typeof(DateOnly), typeof(Math), typeof(Enumerable), typeof(StringComparison),
    ];

    private static readonly HashSet<string> s_forbiddenMethods = ["GetType", "GetHashCode", "MemberwiseClone", "ReferenceEquals", "Finalize"];

    private readonly IReadOnlyCollection<string> _groups;
    private readonly IReadOnlyCollection<string> _termLists;
    private readonly List<Problem> _problems = [];

    private ExpressionGuard(IReadOnlyCollection<string> groups, IReadOnlyCollection<string> termLists)
    {
        _groups = groups;
        _termLists = termLists;
    }

    /// <summary>A problem of an expression: its code, one sentence, and for a name the pack does not define (a country group,
    /// a term list) the name, so that it can be pointed at.</summary>
    public sealed record Problem(string Code, string Message, string? Name = null)
    {
        /// <summary>Whether the expression is allowed but names something the pack lacks (it compiles; the pack is still refused).</summary>
        public bool IsUnknownName => Name is not null;
    }

    /// <summary>The problems found in <paramref name="expression"/> (empty when it is allowed).</summary>
    public static IReadOnlyList<Problem> Check(Expression expression, IReadOnlyCollection<string> groups, IReadOnlyCollection<string> termLists)
    {
        var guard = new ExpressionGuard(groups, termLists);
        guard.Visit(expression);
        return guard._problems.Distinct().ToList();
    }

    private void Forbidden(string message) => _problems.Add(new Problem(PackErrorCodes.ExpressionForbidden, message));

    protected override Expression VisitMember(MemberExpression node)
    {
        if (node.Member.DeclaringType is { } type && !Allowed(type))
            Forbidden($"uses {type.FullName}.{node.Member.Name}, which rules may not use (allowed: the input line and its parts, text, numbers, dates, Math)");
        return base.VisitMember(node);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var method = node.Method;
        if (s_forbiddenMethods.Contains(method.Name) || !Allowed(method.DeclaringType!) || Reflective(method.ReturnType))
            Forbidden($"calls {method.DeclaringType?.FullName}.{method.Name}, which rules may not call (no reflection, I/O, environment or process access)");
        else if (method.DeclaringType == typeof(Place) && method.Name == nameof(Place.In))
            CheckName(node.Arguments[0], _groups, "country group", "country-groups.json", PackErrorCodes.UnknownGroup);
        else if (method.DeclaringType == typeof(LineFacts) && method.Name is nameof(LineFacts.EndUseMentions) or nameof(LineFacts.EndUseTermsFound))
            CheckName(node.Arguments[0], _termLists, "end-use term list", "end-use-terms.json", PackErrorCodes.UnknownTermList);
        else if (method.DeclaringType == typeof(Parties.PartyFacts) && node.Arguments.Count > 0)
            CheckPartyArguments(node);
        return base.VisitMethodCall(node);
    }

    protected override Expression VisitNew(NewExpression node)
    {
        if (node.Constructor?.DeclaringType is { } type && !Allowed(type))
            Forbidden($"creates a {type.FullName}, which rules may not do");
        return base.VisitNew(node);
    }

    protected override Expression VisitConstant(ConstantExpression node)
    {
        if (node.Value is Type or MemberInfo or Delegate)
            Forbidden("refers to a type or member by reflection, which rules may not do");
        return base.VisitConstant(node);
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        if (node.NodeType is ExpressionType.Convert or ExpressionType.ConvertChecked or ExpressionType.TypeAs &&
            !Allowed(Nullable.GetUnderlyingType(node.Type) ?? node.Type) && node.Type != typeof(object))
            Forbidden($"converts to {node.Type.FullName}, which rules may not use");
        return base.VisitUnary(node);
    }

    private void CheckName(Expression argument, IReadOnlyCollection<string> names, string what, string file, string code)
    {
        if (argument is ConstantExpression { Value: string name })
        {
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                var guess = names.OrderBy(n => RuleFileSchemas.Distance(n, name)).ThenBy(n => n, StringComparer.Ordinal).FirstOrDefault();
                var hint = guess is not null && RuleFileSchemas.Distance(guess, name) <= Math.Max(2, name.Length / 3) ? $" (did you mean \"{guess}\"?)" : "";
                _problems.Add(new Problem(code,
                    $"unknown {what} \"{name}\"{hint}: {file} defines {(names.Count == 0 ? "none" : string.Join(", ", names.Order(StringComparer.Ordinal)))}", name));
            }
        }
        else
        {
            Forbidden($"must name the {what} as a quoted constant");
        }
    }

    /// <summary>The list codes (<c>"sdn,denied_persons"</c>) and policy (<c>"denial"</c>) a party rule names must be known.</summary>
    private void CheckPartyArguments(MethodCallExpression node)
    {
        if (node.Arguments[0] is not ConstantExpression { Value: string lists })
        {
            Forbidden("must name the restricted-party lists as a quoted constant");
            return;
        }
        var codes = Parties.PartyFacts.Codes(lists);
        var unknown = codes.Where(c => !Parties.ListCodes.All.Contains(c)).ToList();
        if (codes.Length == 0 || unknown.Count > 0)
            Forbidden($"names the restricted-party list{(unknown.Count == 1 ? "" : "s")} \"{string.Join(",", unknown)}\", which ChipScreen does not know (lists: {string.Join(", ", Parties.ListCodes.All.Order(StringComparer.Ordinal))})");
        if (node.Arguments.Count > 1 && node.Arguments[1] is not ConstantExpression { Value: Parties.PartyFacts.DenialPolicy or Parties.PartyFacts.NotDenialPolicy })
            Forbidden($"must name the license review policy as \"{Parties.PartyFacts.DenialPolicy}\" or \"{Parties.PartyFacts.NotDenialPolicy}\"");
    }

    private static bool Allowed(Type type) =>
        s_allowed.Contains(type) || (Nullable.GetUnderlyingType(type) is { } inner && s_allowed.Contains(inner)) ||
        (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Nullable<>));

    private static bool Reflective(Type type) =>
        typeof(MemberInfo).IsAssignableFrom(type) || typeof(Assembly).IsAssignableFrom(type) || typeof(Delegate).IsAssignableFrom(type);
}
