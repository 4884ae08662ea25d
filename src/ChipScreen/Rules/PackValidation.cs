namespace ChipScreen.Rules;

/// <summary>The outcome of validating one pack.</summary>
/// <param name="Id">The pack id (its folder name).</param>
/// <param name="Valid">Whether the pack has no error (its files, its base packs' and the shared files it reads).</param>
/// <param name="Rules">How many decision rules it compiled to (0 when it did not load).</param>
/// <param name="Errors">Its errors, sorted by file and position.</param>
public sealed record PackValidation(string Id, bool Valid, int Rules, IReadOnlyList<PackError> Errors);
