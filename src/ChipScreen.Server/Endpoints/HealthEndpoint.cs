using ChipScreen.Server.Contracts;
using ChipScreen.Service;
using Microsoft.AspNetCore.Http;

namespace ChipScreen.Server.Endpoints;

/// <summary><c>GET /healthz</c> (no key): 200 while a pack serves; <c>degraded</c> when the last reload was rejected.</summary>
internal static class HealthEndpoint
{
    public static IResult Handle(IRulePackSource packs)
    {
        var status = packs.Status;
        var state = status.LastReload is { Outcome: PackReloadOutcome.Rejected } ? "degraded" : "ok";
        return TypedResults.Ok(new HealthResponse(state, PackRef.From(status.Serving)));
    }
}
