using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace ChipScreen.Parties;

/// <summary>One entry of a restricted-party list, as its file gives it.</summary>
/// <remarks>Immutable. <see cref="ContentHash"/> identifies the entry's content, so that a "not a match" disposition lapses
/// when the entry changes.</remarks>
public sealed record ListEntry
{
    /// <summary>The list's code (see <see cref="ListCodes"/>).</summary>
    public required string List { get; init; }

    /// <summary>The entry's id: the CSL's <c>_id</c>, the OFAC entity number, or the project file's id; derived from the
    /// content for files that have none.</summary>
    public required string Id { get; init; }

    /// <summary>The list as the file names it ("Entity List (EL) - Bureau of Industry and Security").</summary>
    public string Source { get; init; } = "";

    /// <summary>The listed name.</summary>
    public required string Name { get; init; }

    /// <summary>Aliases as published (a.k.a., f.k.a., transliterations).</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>Names the list's maintainer added for screening that the government does not publish (Chinese characters).</summary>
    public ImmutableArray<string> AddedNames { get; init; } = [];

    /// <summary>Addresses as published.</summary>
    public ImmutableArray<string> Addresses { get; init; } = [];

    /// <summary>ISO codes of the entry's countries, from its addresses.</summary>
    public ImmutableArray<string> Countries { get; init; } = [];

    /// <summary>Individual, Entity, Vessel, Aircraft, or empty.</summary>
    public string Type { get; init; } = "";

    /// <summary>Sanctions programs (OFAC).</summary>
    public string Programs { get; init; } = "";

    /// <summary>The Federal Register notices that listed or changed the entry ("84 FR 22961").</summary>
    public string FederalRegisterNotice { get; init; } = "";

    /// <summary>When the listing took effect, as published.</summary>
    public string StartDate { get; init; } = "";

    /// <summary>The license requirement (Entity List), as published.</summary>
    public string LicenseRequirement { get; init; } = "";

    /// <summary>The license review policy (Entity List), as published.</summary>
    public string LicensePolicy { get; init; } = "";

    /// <summary>The maintainer's note (what is uncertain, what to check).</summary>
    public string Note { get; init; } = "";

    /// <summary>The file the entry was read from, as given.</summary>
    public string File { get; init; } = "";

    /// <summary>The 1-based data row (or array index + 1) of the entry in its file.</summary>
    public long Row { get; init; }

    /// <summary>The kind of license review policy (see <see cref="Parties.LicensePolicy"/>).</summary>
    public string Policy => Parties.LicensePolicy.Classify(LicensePolicy);

    /// <summary>The SHA-256 (hex) of the entry's content: list, id, names, addresses, countries, notices, requirement and policy.</summary>
    /// <remarks>Computed on each call (not cached, so that a copy made with <c>with</c> never carries a stale hash).</remarks>
    public string ContentHash => ComputeHash();

    /// <summary>Every name of the entry: the listed name, then aliases, then added names.</summary>
    public IEnumerable<(string Name, string As)> Names()
    {
        yield return (Name, "name");
        foreach (var a in Aliases)
            yield return (a, "alias");
        foreach (var a in AddedNames)
            yield return (a, "added name");
    }

    private string ComputeHash()
    {
        var sb = new StringBuilder();
        void Field(string name, string value) => sb.Append(name).Append('=').Append(value.Replace("\n", " ", StringComparison.Ordinal)).Append('\n');
        Field("list", List);
        Field("id", Id);
        Field("source", Source);
        Field("name", Name);
        Field("aliases", string.Join(" | ", Aliases));
        Field("added_names", string.Join(" | ", AddedNames));
        Field("addresses", string.Join(" | ", Addresses));
        Field("countries", string.Join(" ", Countries));
        Field("type", Type);
        Field("programs", Programs);
        Field("federal_register_notice", FederalRegisterNotice);
        Field("start_date", StartDate);
        Field("license_requirement", LicenseRequirement);
        Field("license_policy", LicensePolicy);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
