namespace ChipScreen.Server;

/// <summary>One client's API key, stored as its SHA-256 (never the key itself).</summary>
/// <remarks>Make a key and its hash with <c>key=$(openssl rand -hex 32); printf %s "$key" | sha256sum</c>; give the
/// client the key and put the hash in configuration.</remarks>
public sealed class ApiKey
{
    /// <summary>Who holds the key, e.g. <c>sap-prod</c> (for logs; never secret).</summary>
    public string Name { get; set; } = "";

    /// <summary>The SHA-256 of the key's UTF-8 bytes: 64 hex digits.</summary>
    public string Sha256 { get; set; } = "";
}
