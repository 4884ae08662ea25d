namespace ChipScreen.Orders;

/// <summary>A problem with one field of an order line: it holds the line and names the field.</summary>
/// <param name="Code">A stable snake_case code, e.g. <c>quantity_invalid</c> (see <see cref="IssueCodes"/>).</param>
/// <param name="Field">The contract name of the field, e.g. <c>quantity</c>.</param>
/// <param name="Detail">What is wrong, e.g. "'1.5' is not a positive whole number".</param>
public sealed record FieldIssue(string Code, string Field, string Detail)
{
    /// <summary>"quantity '1.5' is not a positive whole number".</summary>
    public string Message => $"{Field} {Detail}";
}

/// <summary>The stable codes of <see cref="FieldIssue"/>.</summary>
public static class IssueCodes
{
#pragma warning disable CS1591 // the names say it
    public const string Missing = "missing";
    public const string Invalid = "invalid";
    public const string UnknownCountry = "unknown_country";
    public const string UnknownSku = "unknown_sku";
    public const string TppMissing = "tpp_missing";
    public const string RowFieldCount = "row_field_count";
    public const string RowMalformed = "row_malformed";
    public const string RowSpansLines = "row_spans_lines";
    public const string UnknownField = "unknown_field";
    public const string EvaluationFailed = "evaluation_failed";
    public const string DuplicateLine = "duplicate_line";
#pragma warning restore CS1591
}
