using ChipScreen.Rules;

namespace ChipScreen.Service;

/// <summary>Which pack made a decision: its id, its own version, and the revision (SHA-256) of the exact files it was built from.</summary>
/// <param name="Id">The pack id, e.g. <c>ai-diffusion-2025</c>.</param>
/// <param name="Version">The version the pack's <c>pack.json</c> gives.</param>
/// <param name="Revision">The pack's <see cref="RulePack.Revision"/>: 64 hex digits; any edit of a pack file, or a dated group change taking effect, changes it.</param>
public sealed record PackIdentity(string Id, string Version, string Revision)
{
    /// <summary>The first 12 hex digits of <see cref="Revision"/>.</summary>
    public string ShortRevision => Revision[..12];

    /// <summary>The identity of <paramref name="pack"/>.</summary>
    public static PackIdentity Of(RulePack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return new PackIdentity(pack.Id, pack.Manifest.Version, pack.Revision);
    }

    /// <summary><c>ai-diffusion-2025 1.0 (revision 0123456789ab)</c>.</summary>
    public override string ToString() => $"{Id} {Version} (revision {ShortRevision})";
}
