using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChipScreen.Server;

/// <summary>Turns an unexpected exception into a problem with a trace id (503 when the ledger cannot be read, else 500),
/// logging the exception; never sends a stack
/// trace. A response already under way is aborted instead, so it cannot be taken for a whole one.</summary>
internal sealed partial class UnexpectedErrors(RequestDelegate next, ILogger<UnexpectedErrors> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // the client went away
        }
        catch (BadHttpRequestException e)
        {
            if (context.Response.HasStarted)
            {
                context.Abort();
                return;
            }
            var code = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? Problems.BodyTooLarge : Problems.BadRequest;
            await Problems.Create(context, e.StatusCode, code, "The request cannot be read", e.Message).ExecuteAsync(context);
        }
        catch (Exception e)
        {
            LogFailed(context.Request.Method, context.Request.Path.Value ?? "", context.TraceIdentifier, e);
            if (context.Response.HasStarted)
            {
                context.Abort();
                return;
            }
            context.Response.Clear();
            // A ledger that cannot be read is 503 (try again later): the volumes a decision counts after are missing, so
            // none was made. Anything else is a 500.
            var problem = e is Ledger.LedgerException
                ? Problems.Create(context, StatusCodes.Status503ServiceUnavailable, Problems.LedgerUnavailable, "The ledger cannot be read",
                    $"the ledger of committed volumes cannot be read, so no decision was made; try again, and see the server log (trace {context.TraceIdentifier})")
                : Problems.Internal(context);
            await problem.ExecuteAsync(context);
        }
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Error, Message = "{Method} {Path} failed (trace {TraceId})")]
    private partial void LogFailed(string method, string path, string traceId, Exception exception);
}
