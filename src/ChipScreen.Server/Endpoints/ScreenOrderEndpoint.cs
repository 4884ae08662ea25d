using ChipScreen.Orders;
using ChipScreen.Server.Contracts;
using ChipScreen.Service;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ChipScreen.Server.Endpoints;

/// <summary><c>POST /v1/screen</c>: one order line as JSON in, its decision out.</summary>
/// <remarks>A line with a field that cannot be used (malformed, missing, an unknown country or SKU, a quantity that is not
/// a positive whole number, a property that names no field) is answered 400, naming every such field: a single call has
/// no row to hold, and the caller must fix the data. A batch holds such lines instead (HOLD with the issues).</remarks>
internal static class ScreenOrderEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, IOrderScreener screener, IOptions<ChipScreenServerOptions> options)
    {
        if (!RequestBody.IsJson(context.Request))
            return Problems.UnsupportedType(context, "application/json");
        var limit = options.Value.MaxOrderBytes;
        var body = await RequestBody.ReadAsync(context, limit, context.RequestAborted);
        if (body is null)
            return Problems.TooLarge(context, limit, nameof(ChipScreenServerOptions.MaxOrderBytes));

        OrderLine line;
        try
        {
            line = OrderJson.Parse(body);
        }
        catch (OrderJsonException e)
        {
            return Problems.Create(context, StatusCodes.Status400BadRequest, Problems.MalformedJson, "The body is not valid JSON", e.Message, e.Field);
        }

        var result = await screener.ScreenAsync(line, context.RequestAborted);
        if (result.Issues.Length > 0)
        {
            var issues = result.Issues.Select(IssueResponse.From).ToList();
            var fields = string.Join(", ", issues.Select(i => i.Field).Distinct(StringComparer.Ordinal));
            return Problems.Create(context, StatusCodes.Status400BadRequest, Problems.InvalidOrder, "The order line has fields that cannot be used",
                $"fix {fields}: " + string.Join("; ", issues.Select(i => i.Message)), issues[0].Field, issues);
        }
        return TypedResults.Ok(ScreeningResponse.From(result, PackRef.From(result.Pack)));
    }
}
