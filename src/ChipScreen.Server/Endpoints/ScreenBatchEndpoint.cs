using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ChipScreen.Orders;
using ChipScreen.Server.Contracts;
using ChipScreen.Service;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChipScreen.Server.Endpoints;

/// <summary><c>POST /v1/screen/batch</c>: a JSON array or a CSV file of order lines in, one decision per line out, in
/// input order, streamed as a JSON array (or NDJSON when the client accepts <c>application/x-ndjson</c>).</summary>
/// <remarks>
/// The JSON body is parsed as it arrives, the CSV body is read whole (within the limit); either way the batch is held
/// until its end, because volumes are settled in ship-date order; then decisions are written as they are made. Lines
/// with bad fields are held (HOLD, with <c>issues</c> naming the fields), as in <c>chipscreen screen</c>. A body that
/// is not JSON or CSV at all, or too large, is refused before anything is written. A failure after the first decision
/// was written aborts the response, so a client never takes a cut-off array for a whole one.
/// </remarks>
internal static partial class ScreenBatchEndpoint
{
    private const int FlushEvery = 64;

    public static async Task<IResult> HandleAsync(HttpContext context, IOrderScreener screener, BatchGate gate,
        IOptions<ChipScreenServerOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ILoggerFactory loggers)
    {
        var request = context.Request;
        var csv = RequestBody.IsCsv(request);
        if (!csv && !RequestBody.IsJson(request))
            return Problems.UnsupportedType(context, "application/json (an array of orders) or text/csv");
        var limit = options.Value.MaxBatchBytes;
        if (!RequestBody.Limit(context, limit))
            return Problems.TooLarge(context, limit, nameof(ChipScreenServerOptions.MaxBatchBytes));
        if (!gate.TryEnter())
        {
            context.Response.Headers.RetryAfter = "1";
            return Problems.Create(context, StatusCodes.Status429TooManyRequests, Problems.TooManyBatches, "Too many batches at once",
                $"at most {options.Value.MaxConcurrentBatches} batches are screened at once ({ChipScreenServerOptions.SectionName}:MaxConcurrentBatches); retry shortly");
        }
        OrderCsvReader? reader = null;
        try
        {
            var cancel = context.RequestAborted;
            IAsyncEnumerable<OrderLine> lines;
            if (csv)
            {
                var body = await RequestBody.ReadAsync(context, limit, cancel);
                if (body is null)
                    return Problems.TooLarge(context, limit, nameof(ChipScreenServerOptions.MaxBatchBytes));
                try
                {
                    reader = OrderCsvReader.Open(new MemoryStream(body, writable: false), "the request body",
                        howToIgnore: names => $"remove {(names.Count == 1 ? "it" : "them")} from the CSV (a batch over HTTP cannot name columns to ignore)");
                }
                catch (OrderFileException e)
                {
                    return Problems.Create(context, StatusCodes.Status400BadRequest, Problems.OrdersUnusable, "The CSV cannot be screened", e.Message, "header");
                }
                lines = reader.ReadLines().ToAsyncEnumerable();
            }
            else
            {
                lines = OrderJson.ReadArrayAsync(request.Body, cancel);
            }

            await using var results = screener.ScreenBatchAsync(lines, cancel).GetAsyncEnumerator(cancel);
            bool any;
            try
            {
                any = await results.MoveNextAsync(); // reads the whole batch, settles volumes, decides the first line
            }
            catch (OrderJsonException e)
            {
                return Problems.Create(context, StatusCodes.Status400BadRequest, Problems.MalformedJson, "The body is not a valid JSON array of orders", e.Message,
                    e.Element is { } element ? $"[{element}]" + (e.Field is { } f ? "." + f : "") : e.Field);
            }
            catch (OrderFileException e)
            {
                return Problems.Create(context, StatusCodes.Status400BadRequest, Problems.OrdersUnusable, "The CSV cannot be screened", e.Message, "body");
            }
            catch (BatchTooLargeException e)
            {
                return Problems.Create(context, StatusCodes.Status413PayloadTooLarge, Problems.BatchTooLarge, "The batch has too many lines", e.Message, "body");
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return Problems.TooLarge(context, limit, nameof(ChipScreenServerOptions.MaxBatchBytes));
            }

            var ndjson = RequestBody.Prefers(request, "application/x-ndjson", "application/json");
            await WriteAsync(context, results, any, ndjson, json.Value.SerializerOptions, loggers.CreateLogger("ChipScreen.Server.Batch"));
            return Results.Empty;
        }
        finally
        {
            reader?.Dispose();
            gate.Exit();
        }
    }

    private static async Task WriteAsync(HttpContext context, IAsyncEnumerator<ScreeningResult> results, bool any, bool ndjson, JsonSerializerOptions options, ILogger logger)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ndjson ? "application/x-ndjson; charset=utf-8" : "application/json; charset=utf-8";
        var typeInfo = (JsonTypeInfo<ScreeningResponse>)options.GetTypeInfo(typeof(ScreeningResponse));
        var pipe = response.BodyWriter;
        await using var writer = new Utf8JsonWriter(pipe, new JsonWriterOptions { SkipValidation = ndjson, Encoder = options.Encoder });
        PackRef? pack = null;
        long written = 0;
        try
        {
            if (!ndjson)
                writer.WriteStartArray();
            for (var more = any; more; more = await results.MoveNextAsync())
            {
                var result = results.Current;
                pack ??= PackRef.From(result.Pack); // one pack per batch
                JsonSerializer.Serialize(writer, ScreeningResponse.From(result, pack), typeInfo);
                if (ndjson)
                {
                    writer.Flush();
                    pipe.Write("\n"u8);
                    writer.Reset();
                }
                if (++written % FlushEvery == 0)
                {
                    writer.Flush();
                    await pipe.FlushAsync(context.RequestAborted);
                }
            }
            if (!ndjson)
                writer.WriteEndArray();
            writer.Flush();
            await pipe.FlushAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogAborted(logger, written, e);
            context.Abort();
        }
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Error, Message = "A batch failed after {Written} decisions were sent; the response was aborted")]
    private static partial void LogAborted(ILogger logger, long written, Exception exception);
}
