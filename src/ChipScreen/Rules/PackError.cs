using System.Text;

namespace ChipScreen.Rules;

/// <summary>One problem found in a rule pack: where it is, a stable code, and what to do about it.</summary>
/// <param name="File">The file, relative to the rules directory.</param>
/// <param name="Line">1-based line, when known.</param>
/// <param name="Column">1-based column, when known.</param>
/// <param name="RuleId">The rule concerned, when there is one.</param>
/// <param name="Code">A stable snake_case code (see <see cref="PackErrorCodes"/>).</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record PackError(string File, int? Line, int? Column, string? RuleId, string Code, string Message)
{
    /// <summary>Formats the error as <c>file:line:column: rule X: message [code]</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(File);
        if (Line is { } line)
        {
            sb.Append(':').Append(line);
            if (Column is { } column)
                sb.Append(':').Append(column);
        }
        sb.Append(": ");
        if (RuleId is not null)
            sb.Append("rule ").Append(RuleId).Append(": ");
        sb.Append(Message).Append(" [").Append(Code).Append(']');
        return sb.ToString();
    }
}

/// <summary>The stable codes of <see cref="PackError"/>.</summary>
public static class PackErrorCodes
{
#pragma warning disable CS1591 // the names say it
    public const string FileUnreadable = "file_unreadable";
    public const string FileMissing = "file_missing";
    public const string JsonSyntax = "json_syntax";

    /// <summary>A key written twice in one object: JSON readers keep the last, whatever the reader of the file believes.</summary>
    public const string DuplicateKey = "duplicate_key";
    public const string InvalidValue = "invalid_value";
    public const string MissingValue = "missing_value";
    public const string UnknownCountry = "unknown_country";
    public const string UnknownGroup = "unknown_group";
    public const string UnknownTermList = "unknown_term_list";
    public const string CountryInTwoTiers = "country_in_two_tiers";
    public const string DuplicateRuleId = "duplicate_rule_id";
    public const string DuplicateSku = "duplicate_sku";
    public const string ExpressionInvalid = "expression_invalid";
    public const string ExpressionForbidden = "expression_forbidden";
    public const string MessageInvalid = "message_invalid";
    public const string DecisionInvalid = "decision_invalid";
    public const string ExceptionInvalid = "exception_invalid";

    /// <summary>A rule's <c>consumes</c> disagrees with its decision and exception (LPP without consignee_year, say).</summary>
    public const string ConsumesInvalid = "consumes_invalid";

    /// <summary>A rule's RulesEngine <c>SuccessEvent</c> names another decision than its <c>decision</c>.</summary>
    public const string SuccessEventMismatch = "success_event_mismatch";
    public const string ThresholdsOutOfOrder = "thresholds_out_of_order";
    public const string PackNotFound = "pack_not_found";
    public const string NoPackInForce = "no_pack_in_force";

    /// <summary>Two packs' windows (effective_from to effective_to) share a day: which pack screens it would be a guess.</summary>
    public const string PackWindowsOverlap = "pack_windows_overlap";
    public const string PartyListInvalid = "party_list_invalid";
    public const string ExtendsInvalid = "extends_invalid";
    public const string RuleNotInBase = "rule_not_in_base";
    public const string SchemaViolation = "schema_violation";
    public const string SchemaMissing = "schema_missing";
    public const string UnknownFile = "unknown_file";
    public const string PackTestInvalid = "pack_test_invalid";
#pragma warning restore CS1591
}

/// <summary>Thrown when a rule pack cannot be used; carries every error found, sorted by file and position.</summary>
public sealed class RulePackException : Exception
{
    /// <summary>Creates the exception from the errors found.</summary>
    public RulePackException(IEnumerable<PackError> errors)
        : this(Sort(errors))
    {
    }

    private RulePackException(IReadOnlyList<PackError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Every error, sorted by file, line and column.</summary>
    public IReadOnlyList<PackError> Errors { get; }

    /// <summary>Each error once, without a schema violation where another check names the same spot (as <c>rules validate</c>
    /// reports them), sorted.</summary>
    private static IReadOnlyList<PackError> Sort(IEnumerable<PackError> errors) =>
        RuleFileSchemas.WithoutEchoes(errors.Distinct().ToList()).OrderBy(e => e.File, StringComparer.Ordinal)
              .ThenBy(e => e.Line ?? 0).ThenBy(e => e.Column ?? 0)
              .ThenBy(e => e.RuleId, StringComparer.Ordinal).ToArray();

    private static string Describe(IReadOnlyList<PackError> errors) =>
        errors.Count == 1
            ? $"The rule pack cannot be used: {errors[0]}"
            : $"The rule pack cannot be used ({errors.Count} errors):{Environment.NewLine}  " +
              string.Join(Environment.NewLine + "  ", errors);
}
