namespace ChipScreen.Rules;

/// <summary>A file a pack was loaded from, with the SHA-256 of its bytes.</summary>
/// <param name="Path">Relative to the rules directory, with forward slashes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
public sealed record PackFile(string Path, string Sha256)
{
    /// <summary>The lower-case hex SHA-256 of a file's bytes, read as a stream: how every file a run names (input, rule
    /// and list files, outputs) is hashed.</summary>
    internal static string Sha256Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }
}
