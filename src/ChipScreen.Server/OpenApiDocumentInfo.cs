using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChipScreen.Server;

/// <summary>Names the API in its OpenAPI document and declares the API key scheme of <c>/v1</c>.</summary>
internal sealed class OpenApiDocumentInfo : IOpenApiDocumentTransformer
{
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
        document.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "A key whose SHA-256 is configured under ChipScreenServer:ApiKeys. Required on /v1/*.",
        };
        return Task.CompletedTask;
    }
}
