using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChipScreen.Server;

/// <summary>Checks a presented API key against the configured SHA-256 hashes, in time that does not depend on the match.</summary>
internal sealed class ApiKeyVerifier
{
    private readonly (string Name, byte[] Hash)[] _keys;

    public ApiKeyVerifier(IOptions<ChipScreenServerOptions> options) =>
        _keys = [.. options.Value.ApiKeys.Select(k => (k.Name, Convert.FromHexString(k.Sha256)))];

    /// <summary>The name of the key <paramref name="presented"/> is, or null when it is none of them.</summary>
    public string? Verify(string? presented)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 512)
            return null;
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), hash);
        string? name = null;
        foreach (var key in _keys)
            if (CryptographicOperations.FixedTimeEquals(hash, key.Hash))
                name ??= key.Name;
        return name;
    }
}
