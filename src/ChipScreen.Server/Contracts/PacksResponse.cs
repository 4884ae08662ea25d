namespace ChipScreen.Server.Contracts;

/// <summary>What <c>GET /v1/packs</c> returns: the pack serving and how the last reload went.</summary>
/// <param name="Serving">The pack that screens now.</param>
/// <param name="ReloadOnChange">Whether edits of the rules directory reload the pack.</param>
/// <param name="LastReload">The last reload attempt since start, or null.</param>
internal sealed record PacksResponse(ServingPackResponse Serving, bool ReloadOnChange, ReloadResponse? LastReload);
