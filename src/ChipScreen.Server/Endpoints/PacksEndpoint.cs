using ChipScreen.Server.Contracts;
using ChipScreen.Service;
using Microsoft.AspNetCore.Http;

namespace ChipScreen.Server.Endpoints;

/// <summary><c>GET /v1/packs</c>: the pack serving, and whether the last reload was loaded, unchanged or rejected (with
/// the errors that rejected it; the last good pack keeps serving).</summary>
internal static class PacksEndpoint
{
    public static IResult Handle(IRulePackSource packs)
    {
        var status = packs.Status;
        var serving = status.Serving;
        var reload = status.LastReload is { } r
            ? new ReloadResponse(r.At, r.Outcome.ToCode(), r.Serving.Revision, [.. r.Errors.Select(PackErrorResponse.From)])
            : null;
        return TypedResults.Ok(new PacksResponse(
            new ServingPackResponse(serving.Id, serving.Version, serving.Revision, serving.ShortRevision, status.LoadedAt, status.EffectiveFrom, status.EffectiveTo),
            status.ReloadOnChange, reload));
    }
}
