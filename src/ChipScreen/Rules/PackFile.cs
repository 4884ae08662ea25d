namespace ChipScreen.Rules;

/// <summary>A file a pack was loaded from, with the SHA-256 of its bytes.</summary>
/// <param name="Path">Relative to the rules directory, with forward slashes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
public sealed record PackFile(string Path, string Sha256);
