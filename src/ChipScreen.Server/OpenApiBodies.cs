using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChipScreen.Server;

/// <summary>Describes an endpoint's request body, and a response whose media types hold different shapes, in the OpenAPI
/// document, and only there.</summary>
/// <remarks><c>Accepts</c> would describe it too, but routing then answers a body of another type with the framework's own
/// 415 before the endpoint's filters run: a caller without an API key was told what the endpoint reads instead of that it
/// needs a key, in a problem of another shape than ours. The endpoints check the type themselves, after the key, and
/// answer <see cref="Problems.UnsupportedType"/>.</remarks>
internal static class OpenApiBodies
{
    /// <summary>Documents a required body of each media type, with the schema of its type (an object type is a component,
    /// as it would be with <c>Accepts</c>, so generated clients share one class for it).</summary>
    public static TBuilder DescribeBody<TBuilder>(this TBuilder builder, params (string MediaType, Type Body)[] bodies)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal);
            foreach (var (mediaType, body) in bodies)
                content[mediaType] = new OpenApiMediaType { Schema = await SchemaAsync(body, context, cancellationToken) };
            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
        });

    /// <summary>Documents the schema of each media type of the response with <paramref name="status"/>, where one type
    /// for all would be wrong: a batch's decisions are one JSON array, or one JSON object per line in NDJSON.</summary>
    public static TBuilder DescribeResponse<TBuilder>(this TBuilder builder, int status, params (string MediaType, Type Body)[] bodies)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            if (operation.Responses?.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response) != true
                || response!.Content is not { } content)
                throw new InvalidOperationException($"the operation has no {status} response to describe (declare it with Produces)");
            foreach (var (mediaType, body) in bodies)
                content[mediaType] = new OpenApiMediaType { Schema = await SchemaAsync(body, context, cancellationToken) };
        });

    private static async Task<IOpenApiSchema> SchemaAsync(Type type, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (type.IsArray)
            return new OpenApiSchema { Type = JsonSchemaType.Array, Items = await SchemaAsync(type.GetElementType()!, context, cancellationToken) };
        var schema = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
        if (schema.Type != JsonSchemaType.Object || context.Document is not { } document)
            return schema;
        document.AddComponent(type.Name, schema);
        return new OpenApiSchemaReference(type.Name, document);
    }
}
