using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.OpenApi;

namespace ChipScreen.Server;

/// <summary>Lets a request reach a <c>/v1</c> endpoint only with a configured API key, before its body is read.</summary>
/// <remarks>The key comes in <c>X-Api-Key</c>, or as <c>Authorization: Bearer KEY</c>. Neither keys nor their hashes are logged.</remarks>
internal sealed partial class ApiKeyFilter(ApiKeyVerifier verifier, ILogger<ApiKeyFilter> logger) : IEndpointFilter
{
    public const string ClientItem = "chipscreen.client";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var presented = http.Request.Headers["X-Api-Key"].ToString();
        if (presented.Length == 0 && http.Request.Headers.Authorization.ToString() is { } authorization &&
            authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            presented = authorization["Bearer ".Length..].Trim();
        if (verifier.Verify(presented) is not { } client)
        {
            LogRejected(http.Request.Path, presented.Length > 0);
            http.Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\", Bearer";
            return Problems.Unauthenticated(http);
        }
        http.Items[ClientItem] = client;
        return await next(context);
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Refused {Path}: {Why}")]
    private partial void LogRejected(string path, string why);

    private void LogRejected(PathString path, bool keyGiven) => LogRejected(path.Value ?? "", keyGiven ? "the API key matches none configured" : "no API key");
}

/// <summary>Puts endpoints behind <see cref="ApiKeyFilter"/>.</summary>
internal static class ApiKeyRequirement
{
    /// <summary>Lets only callers with a key reach the endpoints, and says so on each of their operations in the OpenAPI
    /// document (either scheme of <see cref="OpenApiDocumentInfo"/> will do), so that the document follows the filter.</summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, ApiKeyFilter>()
            .AddOpenApiOperationTransformer((operation, context, _) =>
            {
                operation.Security =
                [
                    .. OpenApiDocumentInfo.KeySchemes.Select(scheme => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] }),
                ];
                return Task.CompletedTask;
            });
}
