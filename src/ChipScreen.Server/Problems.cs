using System.Diagnostics;
using ChipScreen.Server.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc;

namespace ChipScreen.Server;

/// <summary>Errors as <c>application/problem+json</c> (RFC 9457) with a stable snake_case <c>code</c>, the <c>field</c>
/// concerned where there is one, and never a stack trace.</summary>
internal static class Problems
{
    public const string Unauthorized = "unauthorized";
    public const string BodyTooLarge = "body_too_large";
    public const string BatchTooLarge = "batch_too_large";
    public const string MalformedJson = "malformed_json";
    public const string InvalidOrder = "invalid_order";
    public const string OrdersUnusable = "orders_unusable";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string TooManyBatches = "too_many_batches";
    public const string BadRequest = "bad_request";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string InternalError = "internal_error";

    /// <summary>The ledger of committed volumes (<c>ChipScreen:Ledger</c>) cannot be read: no decision is made without it.</summary>
    public const string LedgerUnavailable = "ledger_unavailable";

    public static IResult Create(HttpContext context, int status, string code, string title, string detail, string? field = null, IReadOnlyList<IssueResponse>? issues = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Type = "urn:chipscreen:problem:" + code,
            Title = title,
            Detail = detail,
            Instance = context.Request.Path,
        };
        problem.Extensions["code"] = code;
        if (field is not null)
            problem.Extensions["field"] = field;
        if (issues is { Count: > 0 })
        {
            problem.Extensions["errors"] = issues.GroupBy(i => i.Field, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(i => i.Message).ToArray(), StringComparer.Ordinal);
            problem.Extensions["issues"] = issues.ToArray();
        }
        problem.Extensions["trace_id"] = Activity.Current?.Id ?? context.TraceIdentifier;
        return TypedResults.Problem(problem);
    }

    public static IResult Unauthenticated(HttpContext context) =>
        Create(context, StatusCodes.Status401Unauthorized, Unauthorized, "An API key is required",
            "send a valid key in the X-Api-Key header (or Authorization: Bearer KEY)");

    public static IResult TooLarge(HttpContext context, long limit, string key) =>
        Create(context, StatusCodes.Status413PayloadTooLarge, BodyTooLarge, "The request body is too large",
            $"the body may hold at most {limit:N0} bytes ({ChipScreenServerOptions.SectionName}:{key})", "body");

    public static IResult UnsupportedType(HttpContext context, string accepted) =>
        Create(context, StatusCodes.Status415UnsupportedMediaType, UnsupportedMediaType, "Unsupported content type",
            $"send the body as {accepted} (Content-Type was '{context.Request.ContentType}')", "Content-Type");

    /// <summary>The problem for an error the framework answered without a body (no endpoint at the path; a method the path
    /// does not take, whose <c>Allow</c> header routing has set), in the shape of every other: clients parse one shape.</summary>
    public static IResult ForStatus(HttpContext context)
    {
        var request = context.Request;
        var status = context.Response.StatusCode;
        return status switch
        {
            StatusCodes.Status404NotFound => Create(context, status, NotFound, "No such endpoint",
                $"nothing is served at {request.Path}; the endpoints are listed in /openapi/v1.json"),
            StatusCodes.Status405MethodNotAllowed => Create(context, status, MethodNotAllowed, "Method not allowed",
                $"{request.Method} is not allowed on {request.Path}; use {context.Response.Headers.Allow}"),
            _ => Create(context, status, $"http_{status}", ReasonPhrases.GetReasonPhrase(status),
                $"the request to {request.Path} was answered {status}"),
        };
    }

    public static IResult Internal(HttpContext context) =>
        Create(context, StatusCodes.Status500InternalServerError, InternalError, "The request could not be screened",
            "an unexpected error occurred; nothing was decided. The server log has the details under this trace id.");
}
