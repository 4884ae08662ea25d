using ChipScreen.Server.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChipScreen.Server;

/// <summary>Makes two schemas of the OpenAPI document say what the API does where the serializer cannot know it: the
/// order's numbers, which the order reader also takes as text, and the problems, which carry our members.</summary>
/// <remarks>ERP developers generate clients from the document and validate against it, so a schema must neither refuse
/// what the API takes nor promise what it does not send.</remarks>
internal sealed class OpenApiSchemas : IOpenApiSchemaTransformer
{
    /// <summary>The text <see cref="Orders.OrderJson"/> takes as a whole-number field: a positive whole number, in digits
    /// only (spaces around it are ignored), up to 2,147,483,647 (which a pattern does not say).</summary>
    internal const string WholeNumberText = @"^\s*0*[1-9][0-9]*\s*$";

    /// <summary>The text <see cref="Orders.OrderJson"/> takes as a decimal field: digits with at most one decimal point, no
    /// sign, exponent or thousands separator (spaces around it are ignored).</summary>
    internal const string NumberText = @"^\s*([0-9]+\.?[0-9]*|\.[0-9]+)\s*$";

    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is { } property)
        {
            if (property.DeclaringType == typeof(OrderRequest) && schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0)
                ReadFromText(schema, type);
        }
        else if (context.JsonTypeInfo.Type == typeof(ProblemDetails))
        {
            DescribeProblem(schema, await context.GetOrCreateSchemaAsync(typeof(IssueResponse), null, cancellationToken));
        }
    }

    /// <summary>An order's number may be sent as a JSON number or as its text ("quantity": "10"), as ERPs export them.</summary>
    private static void ReadFromText(OpenApiSchema schema, JsonSchemaType type)
    {
        var whole = (type & JsonSchemaType.Integer) != 0;
        schema.Type = type | JsonSchemaType.String;
        schema.Pattern = whole ? WholeNumberText : NumberText;
        if (whole)
            schema.Minimum = "1";
    }

    /// <summary>The members <see cref="Problems.Create"/> writes: the RFC 9457 ones and <c>code</c> and <c>trace_id</c>
    /// always; <c>field</c>, <c>errors</c> and <c>issues</c> where the problem has them. None is ever null.</summary>
    private static void DescribeProblem(OpenApiSchema schema, IOpenApiSchema issue)
    {
        schema.Description = "An error (RFC 9457). Act on code, which is stable; title and detail are for people.";
        schema.Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = Text("urn:chipscreen:problem: followed by the code."),
            ["title"] = Text("What went wrong, in general."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." },
            ["detail"] = Text("What went wrong with this request, and how to fix it."),
            ["instance"] = Text("The path of the request."),
            ["code"] = Text("A stable snake_case code: unauthorized, malformed_json, invalid_order, unsupported_media_type, ..."),
            ["field"] = Text("The field, header or part of the request concerned, where there is one."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text(null) },
                Description = "The messages about each field that cannot be used (invalid_order).",
            },
            ["issues"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = issue,
                Description = "Each field that cannot be used, with a stable code (invalid_order).",
            },
            ["trace_id"] = Text("Names the request in the server log."),
        };
        schema.Required = new HashSet<string>(["type", "title", "status", "detail", "instance", "code", "trace_id"], StringComparer.Ordinal);

        static OpenApiSchema Text(string? description) => new() { Type = JsonSchemaType.String, Description = description };
    }
}
