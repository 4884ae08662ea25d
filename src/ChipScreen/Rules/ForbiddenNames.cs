using System.Text.RegularExpressions;

namespace ChipScreen.Rules;

/// <summary>Names a rule expression may never use, found by name before the expression is parsed, so the message says
/// what was reached for (reflection, I/O, the environment, a process) rather than only that a name is unknown.</summary>
/// <remarks>
/// A second line of defence besides <see cref="ExpressionGuard"/>, which checks the parsed expression against an
/// allow-list. Text inside string literals is not searched (<c>EndUseMentions("process plant")</c> is fine).
/// </remarks>
internal static partial class ForbiddenNames
{
    private static readonly Dictionary<string, string> s_why = new(StringComparer.Ordinal)
    {
        ["IO"] = "file and stream access (System.IO)",
        ["File"] = "file access",
        ["Directory"] = "file access",
        ["Path"] = "file access",
        ["Stream"] = "file and stream access",
        ["Environment"] = "environment access",
        ["Process"] = "process access",
        ["Diagnostics"] = "process access (System.Diagnostics)",
        ["Type"] = "reflection",
        ["typeof"] = "reflection",
        ["GetType"] = "reflection",
        ["Reflection"] = "reflection (System.Reflection)",
        ["Assembly"] = "reflection",
        ["Activator"] = "reflection",
        ["MethodInfo"] = "reflection",
        ["Invoke"] = "reflection",
        ["AppDomain"] = "runtime access",
        ["Marshal"] = "runtime access",
        ["GC"] = "runtime access",
        ["Thread"] = "runtime access",
        ["Task"] = "runtime access",
        ["Console"] = "console access",
        ["Net"] = "network access (System.Net)",
        ["HttpClient"] = "network access",
        ["Socket"] = "network access",
    };

    /// <summary>Every forbidden name in <paramref name="expression"/>, with its index and what it would reach.</summary>
    public static IReadOnlyList<(string Name, int Index, string Why)> Find(string expression)
    {
        var found = new List<(string, int, string)>();
        var code = Strings().Replace(expression, m => new string(' ', m.Length));
        foreach (Match m in Identifier().Matches(code))
            if (s_why.TryGetValue(m.Value, out var why) && !found.Any(f => f.Item1 == m.Value))
                found.Add((m.Value, m.Index, why));
        return found;
    }

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)*'")]
    private static partial Regex Strings();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifier();
}
