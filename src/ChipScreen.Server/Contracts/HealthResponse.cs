namespace ChipScreen.Server.Contracts;

/// <summary>What <c>GET /healthz</c> returns.</summary>
/// <param name="Status"><c>ok</c>, or <c>degraded</c> when the last reload was rejected (the last good pack serves).</param>
/// <param name="Pack">The pack serving.</param>
internal sealed record HealthResponse(string Status, PackRef Pack);
