namespace ChipScreen.Server.Contracts;

/// <summary>One reload attempt.</summary>
/// <param name="At">When (UTC).</param>
/// <param name="Outcome">loaded, unchanged or rejected.</param>
/// <param name="ServingRevision">The revision serving after it (the last good pack's when rejected).</param>
/// <param name="Errors">Why the edited pack was rejected, by file and position.</param>
internal sealed record ReloadResponse(DateTimeOffset At, string Outcome, string ServingRevision, IReadOnlyList<PackErrorResponse> Errors);
