using ChipScreen.Rules;

namespace ChipScreen.Server.Contracts;

/// <summary>One problem of a rule pack.</summary>
/// <param name="File">The file, relative to the rules directory.</param>
/// <param name="Line">1-based line, when known.</param>
/// <param name="Column">1-based column, when known.</param>
/// <param name="RuleId">The rule concerned, if any.</param>
/// <param name="Code">A stable snake_case code.</param>
/// <param name="Message">What is wrong.</param>
internal sealed record PackErrorResponse(string File, int? Line, int? Column, string? RuleId, string Code, string Message)
{
    public static PackErrorResponse From(PackError e) => new(e.File, e.Line, e.Column, e.RuleId, e.Code, e.Message);
}
