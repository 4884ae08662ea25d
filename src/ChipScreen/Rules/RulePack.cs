using System.Security.Cryptography;
using System.Text;
using ChipScreen.Catalog;
using ChipScreen.Classification;
using ChipScreen.Countries;
using ChipScreen.Parties;
using ChipScreen.Screening;
using ChipScreen.Volumes;

namespace ChipScreen.Rules;

/// <summary>A loaded, validated and compiled rule pack: everything a screening needs, prepared once.</summary>
/// <remarks>
/// Immutable and thread-safe; share one instance across threads. A reload builds a new pack and swaps it
/// whole. <see cref="Revision"/> identifies the exact bytes the pack was built from.
/// </remarks>
public sealed class RulePack
{
    internal RulePack(
        PackManifest manifest,
        string directory,
        ChipCatalog catalog,
        CountryGroups countries,
        ClassificationThresholds classification,
        VolumeLimits volumes,
        EndUseTerms endUseTerms,
        ValidatedEndUsers validatedEndUsers,
        CompiledRules rules,
        IReadOnlyList<PackFile> files)
    {
        Manifest = manifest;
        Directory = directory;
        Catalog = catalog;
        Countries = countries;
        Classification = classification;
        Volumes = volumes;
        EndUseTerms = endUseTerms;
        ValidatedEndUsers = validatedEndUsers;
        Rules = rules;
        Files = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
        Revision = ComputeRevision(Files, countries.Applied);
        NextChange = FirstChange(manifest, countries);
    }

    /// <summary>The pack's <c>pack.json</c>.</summary>
    public PackManifest Manifest { get; }

    /// <summary>The pack id.</summary>
    public string Id => Manifest.Id;

    /// <summary>The pack's folder.</summary>
    public string Directory { get; }

    /// <summary>The chip catalog.</summary>
    public ChipCatalog Catalog { get; }

    /// <summary>Countries, groups and tiers.</summary>
    public CountryGroups Countries { get; }

    /// <summary>The 3A090 thresholds.</summary>
    public ClassificationThresholds Classification { get; }

    /// <summary>The volume limits.</summary>
    public VolumeLimits Volumes { get; }

    /// <summary>The end-use term lists.</summary>
    public EndUseTerms EndUseTerms { get; }

    /// <summary>The validated end users.</summary>
    public ValidatedEndUsers ValidatedEndUsers { get; }

    /// <summary>The restricted-party lists the pack names (<c>parties.json</c>) and any added with <see cref="WithPartyLists"/>,
    /// prepared for screening.</summary>
    public PartyScreening Parties { get; internal init; } = PartyScreening.None;

    /// <summary>This pack with <paramref name="lists"/> screened too (the <c>--list</c> files); their files join
    /// <see cref="Files"/>, so the revision changes with them.</summary>
    public RulePack WithPartyLists(PartyListSet lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        return new RulePack(Manifest, Directory, Catalog, Countries, Classification, Volumes, EndUseTerms, ValidatedEndUsers, Rules, [.. Files, .. lists.Files])
        {
            Parties = new PartyScreening(Parties.Lists.Concat(lists), Parties.Thresholds),
        };
    }

    /// <summary>This pack with <paramref name="entries"/> as validated end users too (for a pack test that needs one).</summary>
    internal RulePack WithValidatedEndUsers(IReadOnlyList<ValidatedEndUser> entries) =>
        entries.Count == 0 ? this : new RulePack(Manifest, Directory, Catalog, Countries, Classification, Volumes, EndUseTerms,
            new ValidatedEndUsers(ValidatedEndUsers.Entries.Concat(entries)), Rules, Files) { Parties = Parties };

    /// <summary>The decision rules, in order.</summary>
    public IReadOnlyList<RuleDefinition> RuleDefinitions => Rules.Rules;

    internal CompiledRules Rules { get; }

    /// <summary>Every file the pack was loaded from, with its SHA-256, sorted by path.</summary>
    public IReadOnlyList<PackFile> Files { get; }

    /// <summary>The SHA-256 over every file's path and hash and the dated group changes in effect (hex); any edit changes it.</summary>
    public string Revision { get; }

    /// <summary>Whether this pack, as loaded, is the one to screen by on <paramref name="asOf"/>: in force then, with the
    /// same dated group changes in effect (a server that runs across the day a change takes effect loads it again).</summary>
    public bool Serves(DateOnly asOf) => Manifest.InForceOn(asOf) && Countries.SameOn(asOf);

    /// <summary>The first day after the as-of date this pack was loaded for on which its rules change: its next dated
    /// group change, or its end, whichever comes first; null when neither is known.</summary>
    public RulesChange? NextChange { get; }

    private static RulesChange? FirstChange(PackManifest manifest, CountryGroups countries)
    {
        var end = manifest.EffectiveTo;
        if (countries.NextChange is { } next && (end is not { } e || next < e))
            return new RulesChange(next, "dated group change " + string.Join("; ", countries.Changes.Where(c => c.Date == next)));
        return end is { } to ? new RulesChange(to, $"pack {manifest.Id} ends") : null;
    }

    /// <summary>The first 12 hex digits of <see cref="Revision"/>.</summary>
    public string ShortRevision => Revision[..12];

    private static string ComputeRevision(IReadOnlyList<PackFile> files, IReadOnlyList<GroupChange> applied)
    {
        // The same files give another revision once a dated group change takes effect: the rules in force differ.
        var text = string.Concat(files.Select(f => $"{f.Path}\n{f.Sha256}\n")) + string.Concat(applied.Select(c => $"change\n{c}\n"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
