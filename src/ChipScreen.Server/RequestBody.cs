using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace ChipScreen.Server;

/// <summary>Reading request bodies within a limit, and telling their media type.</summary>
internal static class RequestBody
{
    /// <summary>Sets the server's limit for this request's body (reading past it fails with 413).</summary>
    /// <returns>False when the declared length is already over the limit.</returns>
    public static bool Limit(HttpContext context, long limit)
    {
        if (context.Request.ContentLength > limit)
            return false;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit;
        return true;
    }

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpContext context, long limit, CancellationToken cancellationToken)
    {
        if (!Limit(context, limit))
            return null;
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var body = new MemoryStream(context.Request.ContentLength is { } n ? (int)n : 4096);
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (body.Length + read > limit)
                    return null;
                body.Write(buffer, 0, read);
            }
            return body.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static bool IsJson(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) &&
        (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    public static bool IsCsv(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) &&
        (type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase) || type.MediaType.Equals("application/csv", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the client asks for <paramref name="mediaType"/> rather than <paramref name="otherwise"/>, the
    /// default: its <c>Accept</c> names <paramref name="mediaType"/> with a quality above 0 and at least that of
    /// <paramref name="otherwise"/> (taken from the most specific range that covers it: the type, type/*, */*).</summary>
    /// <remarks><c>q=0</c> means "not acceptable" (RFC 9110 12.4.2): <c>application/x-ndjson;q=0, application/json</c> is a
    /// client that can read only the JSON array. Only a range that names the type asks for it, so <c>*/*</c> keeps the
    /// default.</remarks>
    public static bool Prefers(HttpRequest request, string mediaType, string otherwise)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var ranges))
            return false;
        var asked = Quality(ranges, mediaType, namedOnly: true);
        return asked > 0 && asked >= Quality(ranges, otherwise, namedOnly: false);
    }

    private static double Quality(IList<MediaTypeHeaderValue> ranges, string mediaType, bool namedOnly)
    {
        var (specificity, quality) = (-1, 0.0);
        foreach (var range in ranges)
        {
            var covers = range.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase) ? 2
                : namedOnly ? -1
                : range.MatchesAllTypes ? 0
                : range.MatchesAllSubTypes && mediaType.StartsWith(range.Type.Value + "/", StringComparison.OrdinalIgnoreCase) ? 1
                : -1;
            if (covers > specificity)
                (specificity, quality) = (covers, range.Quality ?? 1);
        }
        return quality;
    }
}
