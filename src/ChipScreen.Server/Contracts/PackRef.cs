using ChipScreen.Service;

namespace ChipScreen.Server.Contracts;

/// <summary>The pack that made a decision.</summary>
/// <param name="Id">The pack id.</param>
/// <param name="Version">The pack's version.</param>
/// <param name="Revision">SHA-256 of the pack's files (64 hex digits).</param>
internal sealed record PackRef(string Id, string Version, string Revision)
{
    public static PackRef From(PackIdentity pack) => new(pack.Id, pack.Version, pack.Revision);
}
