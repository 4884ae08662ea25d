namespace ChipScreen.Server.Contracts;

/// <summary>The pack serving.</summary>
/// <param name="Id">The pack id.</param>
/// <param name="Version">The pack's version.</param>
/// <param name="Revision">SHA-256 of its files.</param>
/// <param name="ShortRevision">The first 12 hex digits of the revision.</param>
/// <param name="LoadedAt">When it was loaded (UTC).</param>
/// <param name="EffectiveFrom">The first day it applies.</param>
/// <param name="EffectiveTo">The first day it no longer applies, if any.</param>
internal sealed record ServingPackResponse(string Id, string Version, string Revision, string ShortRevision, DateTimeOffset LoadedAt, DateOnly EffectiveFrom, DateOnly? EffectiveTo);
