using ChipScreen.Orders;

namespace ChipScreen.Server.Contracts;

/// <summary>A field that cannot be used, with a stable code.</summary>
/// <param name="Field">The field (a contract column name, or the property as written for unknown_field).</param>
/// <param name="Code">A stable snake_case code: missing, invalid, unknown_country, unknown_sku, tpp_missing, unknown_field, ...</param>
/// <param name="Message">What is wrong, naming the field and its value.</param>
internal sealed record IssueResponse(string Field, string Code, string Message)
{
    public static IssueResponse From(FieldIssue issue) => new(issue.Field, issue.Code, issue.Message);
}
