namespace ChipScreen.Service;

/// <summary>Which pack serves, since when, and how the last reload went: what <c>GET /v1/packs</c> reports.</summary>
/// <param name="Serving">The pack that screens now.</param>
/// <param name="LoadedAt">When it was loaded (UTC).</param>
/// <param name="EffectiveFrom">The first day it applies.</param>
/// <param name="EffectiveTo">The first day it no longer applies, if any.</param>
/// <param name="ReloadOnChange">Whether edits of the rules directory reload the pack.</param>
/// <param name="LastReload">The last reload attempt, or null when none was made since start.</param>
public sealed record PackStatus(
    PackIdentity Serving,
    DateTimeOffset LoadedAt,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    bool ReloadOnChange,
    PackReload? LastReload);
