using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChipScreen.Server;

/// <summary>Names the API in its OpenAPI document and declares the API key schemes of <c>/v1</c>.</summary>
internal sealed class OpenApiDocumentInfo : IOpenApiDocumentTransformer
{
    private const string ApiKeyScheme = "ApiKey";
    private const string BearerScheme = "Bearer";

    /// <summary>The two ways a key may be sent (<see cref="ApiKeyFilter"/> takes either).</summary>
    public static IReadOnlyList<string> KeySchemes { get; } = [ApiKeyScheme, BearerScheme];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "ChipScreen",
            Version = "v1",
            Description = "Export-compliance screening of advanced AI chip order lines (ECCN 3A090/4A090). Not legal advice.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "A key whose SHA-256 is configured under ChipScreenServer:ApiKeys. Required on /v1/*.",
        };
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The same key as Authorization: Bearer KEY, for clients that send no other header.",
        };
        return Task.CompletedTask;
    }
}
