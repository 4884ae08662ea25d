using System.Security.Cryptography;
using ChipScreen.Catalog;
using ChipScreen.Classification;
using ChipScreen.Countries;
using ChipScreen.Parties;
using ChipScreen.Screening;
using ChipScreen.Volumes;

namespace ChipScreen.Rules;

/// <summary>Finds, loads, validates and compiles rule packs from a rules directory.</summary>
/// <remarks>
/// A rules directory holds <c>catalog/</c> (chip catalog files), <c>countries/countries.json</c> and one
/// folder per pack with <c>pack.json</c>, <c>classification.json</c>, <c>country-groups.json</c>,
/// <c>tiers.json</c>, <c>volumes.json</c>, <c>end-use-terms.json</c>, <c>validated-end-users.json</c> and
/// <c>workflows/*.json</c> (RulesEngine workflows, evaluated in file-name order), and optionally <c>parties.json</c>
/// (restricted-party thresholds and lists, the lists in the rules directory's <c>lists/</c>) and <c>group-changes.json</c>
/// (dated changes to the country groups). A pack whose <c>pack.json</c> names a base pack (<c>"extends"</c>) takes each
/// file it lacks from the base; its workflow rules replace the base's of the same id in place (<see cref="WorkflowMerge"/>).
/// Files are checked against the JSON Schemas in the rules directory's <c>schemas/</c> when it has one. Every problem of a
/// pack is collected and thrown together in a <see cref="RulePackException"/>, sorted by file and position.
/// </remarks>
public static class RulePackLoader
{
    /// <summary>The files every pack folder holds, besides its workflows.</summary>
    public static IReadOnlyList<string> PackFileNames { get; } =
        ["pack.json", "classification.json", "country-groups.json", "tiers.json", "volumes.json", "end-use-terms.json", "validated-end-users.json"];

    /// <summary>The manifests of every pack in <paramref name="rulesDirectory"/> (folders with a <c>pack.json</c>), sorted by id.</summary>
    public static IReadOnlyList<PackManifest> List(string rulesDirectory)
    {
        var errors = new List<PackError>();
        var manifests = new List<PackManifest>();
        foreach (var dir in PackDirectories(rulesDirectory))
        {
            var file = JsonSource.Load(Path.Combine(dir, "pack.json"), Display(rulesDirectory, Path.Combine(dir, "pack.json")), errors);
            if (PackManifest.Read(file, Path.GetFileName(dir), errors) is { } manifest)
                manifests.Add(manifest);
        }
        if (errors.Count > 0)
            throw new RulePackException(errors);
        return manifests.OrderBy(m => m.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Loads the pack <paramref name="packId"/>, or when null the pack in force on <paramref name="asOf"/>, with the
    /// dated country-group changes in effect on <paramref name="asOf"/>.</summary>
    /// <exception cref="RulePackException">The pack cannot be found or has errors.</exception>
    public static RulePack Load(string rulesDirectory, string? packId, DateOnly asOf)
    {
        if (!Directory.Exists(rulesDirectory))
            throw new RulePackException([NoDirectory(rulesDirectory)]);
        return LoadPack(rulesDirectory, packId ?? Choose(rulesDirectory, asOf), asOf);
    }

    /// <summary>The error of a rules directory that is not there: missing, or a file in its place.</summary>
    internal static PackError NoDirectory(string rulesDirectory) =>
        new(rulesDirectory, null, null, null, PackErrorCodes.FileMissing, File.Exists(rulesDirectory)
            ? "the rules directory is a file, not a directory: give the directory that holds the packs, catalog/ and countries/"
            : $"the rules directory does not exist ({Path.GetFullPath(rulesDirectory)}): give the directory that holds the packs, catalog/ and countries/ (--rules DIR on the command line)");

    /// <summary>The id of the pack in force on <paramref name="asOf"/> (the latest to take effect among those in force; packs
    /// whose windows overlap are refused when loaded, see <see cref="WindowOverlaps"/>).</summary>
    public static string Choose(string rulesDirectory, DateOnly asOf)
    {
        var packs = List(rulesDirectory);
        var inForce = packs.Where(p => p.InForceOn(asOf)).OrderByDescending(p => p.EffectiveFrom).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        if (inForce.Count == 0)
        {
            var known = packs.Count == 0 ? "none" : string.Join(", ", packs.Select(p => $"{p.Id} ({p.EffectiveFrom:yyyy-MM-dd} to {(p.EffectiveTo is { } t ? t.ToString("yyyy-MM-dd") : "open")})"));
            throw new RulePackException([new PackError(rulesDirectory, null, null, null, PackErrorCodes.NoPackInForce,
                $"no pack is in force on {asOf:yyyy-MM-dd}; choose one with --pack (packs: {known})")]);
        }
        return inForce[0].Id;
    }

    /// <summary>The overlaps of pack windows in <paramref name="rulesDirectory"/> (of those involving the pack
    /// <paramref name="packId"/> when given): a day two packs are both in force on, so that which one screens it, and the
    /// day the rules change for a line screened under either, would be a guess. Windows are half-open ([effective_from,
    /// effective_to)), so a pack may begin on the day another ends. Each overlap is reported once, at the
    /// <c>effective_to</c> of the pack that starts first (the date to move), naming both files and the days shared; when
    /// both start on the same day, at the <c>effective_from</c> of the second (by id), since no end date would do.
    /// A <c>pack.json</c> that cannot be read is left to its own errors.</summary>
    internal static IReadOnlyList<PackError> WindowOverlaps(string rulesDirectory, string? packId = null)
    {
        var packs = new List<(PackManifest Manifest, JsonSource File)>();
        foreach (var dir in PackDirectories(rulesDirectory))
        {
            var ignored = new List<PackError>();
            var path = Path.Combine(dir, "pack.json");
            var file = JsonSource.Load(path, Display(rulesDirectory, path), ignored);
            if (PackManifest.Read(file, Path.GetFileName(dir), ignored) is { } manifest)
                packs.Add((manifest, file));
        }
        packs.Sort((a, b) => a.Manifest.EffectiveFrom != b.Manifest.EffectiveFrom
            ? a.Manifest.EffectiveFrom.CompareTo(b.Manifest.EffectiveFrom)
            : string.CompareOrdinal(a.Manifest.Id, b.Manifest.Id));
        var errors = new List<PackError>();
        for (var i = 0; i < packs.Count; i++)
            for (var j = i + 1; j < packs.Count; j++)
            {
                var (first, firstFile) = packs[i];
                var (second, secondFile) = packs[j];
                if (packId is not null && first.Id != packId && second.Id != packId)
                    continue;
                // second starts on or after first; they share days when second starts before first ends.
                if (first.EffectiveTo is { } end && second.EffectiveFrom >= end)
                    continue;
                var sharedTo = (first.EffectiveTo, second.EffectiveTo) switch
                {
                    ({ } a, { } b) => (DateOnly?)(a < b ? a : b),
                    ({ } a, null) => a,
                    (null, { } b) => b,
                    _ => null,
                };
                var days = sharedTo is { } last
                    ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"on every day from {second.EffectiveFrom:yyyy-MM-dd} to {last.AddDays(-1):yyyy-MM-dd}")
                    : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"on every day from {second.EffectiveFrom:yyyy-MM-dd} on");
                var both = $"pack {first.Id} ({firstFile.DisplayPath}, {first.InForceText}) and pack {second.Id} ({secondFile.DisplayPath}, {second.InForceText}) " +
                    $"are both in force {days}, so which pack screens a date in it would be a guess; ";
                // Packs that start on the same day: ending the first on the second's start would leave it no day in force
                // (refused as thresholds_out_of_order), so a start date is the one to move; reported at the later one's.
                errors.Add(second.EffectiveFrom <= first.EffectiveFrom
                    ? secondFile.Error("$.effective_from", PackErrorCodes.PackWindowsOverlap, both +
                        $"they start on the same day, so ending {first.Id} then would leave it no day in force: move {second.Id}'s effective_from " +
                        $"to the day it takes over (and end {first.Id} on that day), or {first.Id}'s effective_from to an earlier day")
                    : firstFile.Error("$.effective_to", PackErrorCodes.PackWindowsOverlap, both +
                        $"end {first.Id} on {second.EffectiveFrom:yyyy-MM-dd} " +
                        $"(\"effective_to\" is the first day a pack no longer applies, so the next may begin that day) or move {second.Id}'s effective_from"));
            }
        return errors;
    }

    private static RulePack LoadPack(string rulesDirectory, string packId, DateOnly asOf)
    {
        var errors = new List<PackError>();
        try
        {
            return LoadPack(rulesDirectory, packId, asOf, errors);
        }
        catch (InvalidOperationException e) when (IsJsonTypeMismatch(e))
        {
            // A loader met a value of a type it does not check for (an object where a number stands, say). The schema check
            // has said where, unless the file's kind has no schema; either way the pack is refused, never crashes the run.
            if (errors.Count == 0)
                errors.Add(new PackError(Display(rulesDirectory, Path.Combine(rulesDirectory, packId)), null, null, null, PackErrorCodes.InvalidValue,
                    $"a value in the pack's files has the wrong JSON type ({e.Message}); run 'chipscreen rules validate' with the schemas in place"));
            throw new RulePackException(errors);
        }
    }

    /// <summary>Whether <paramref name="e"/> is System.Text.Json refusing to read an element as a type it is not.</summary>
    private static bool IsJsonTypeMismatch(InvalidOperationException e) =>
        new System.Diagnostics.StackTrace(e).GetFrame(0)?.GetMethod()?.DeclaringType?.Namespace == "System.Text.Json";

    private static RulePack LoadPack(string rulesDirectory, string packId, DateOnly asOf, List<PackError> errors)
    {
        var packDir = Path.Combine(rulesDirectory, packId);
        if (!File.Exists(Path.Combine(packDir, "pack.json")))
        {
            var known = PackDirectories(rulesDirectory).Select(Path.GetFileName).ToList();
            throw new RulePackException([new PackError(Display(rulesDirectory, packDir), null, null, null, PackErrorCodes.PackNotFound,
                $"no pack \"{packId}\" here (packs: {(known.Count == 0 ? "none" : string.Join(", ", known))})")]);
        }

        var files = new List<PackFile>();
        var schemas = RuleFileSchemas.For(rulesDirectory);
        var missing = new HashSet<string>(StringComparer.Ordinal);
        JsonSource Read(string path)
        {
            var display = Display(rulesDirectory, path);
            if (!File.Exists(path))
            {
                errors.Add(new PackError(display, null, null, null, PackErrorCodes.FileMissing,
                    "the file is missing; every pack needs it (what other files name in it is checked once it is there)"));
                missing.Add(display);
                return JsonSource.Parse("{}"u8.ToArray(), path, display, errors);
            }
            var source = JsonSource.Load(path, display, errors);
            files.Add(new PackFile(display, Convert.ToHexStringLower(SHA256.HashData(source.Bytes))));
            // The countries file is large and shared; rules validate checks it against its schema.
            if (schemas is not null && RuleFileKind.Of(display) is { } kind && kind != RuleFileKind.Countries)
                schemas.Check(source, kind, errors);
            return source;
        }

        var manifest = PackManifest.Read(Read(Path.Combine(packDir, "pack.json")), packId, errors);
        if (manifest is not null)
            errors.AddRange(WindowOverlaps(rulesDirectory, manifest.Id));
        // The pack first, then the pack it extends, and so on: a file is taken from the first folder that has it.
        var chain = PackChain.Resolve(rulesDirectory, packDir, manifest, Read, errors);
        // Without its base the pack lacks files and groups that every later check would report one by one: the broken
        // extends is the one error to fix.
        if (errors.Any(e => e.Code == PackErrorCodes.ExtendsInvalid))
            throw new RulePackException(errors);
        // A file the loader does not read (a misspelt "tier.json") would silently leave the base pack's file in force.
        foreach (var dir in chain)
            foreach (var stray in Directory.GetFiles(dir, "*.json").Where(f => !IsPackFile(Path.GetFileName(f))).Order(StringComparer.Ordinal))
                errors.Add(UnknownFile(Display(rulesDirectory, stray)));
        JsonSource ReadLayered(string name) =>
            Read(chain.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists) ?? Path.Combine(packDir, name));

        var countriesFile = Read(Path.Combine(rulesDirectory, "countries", "countries.json"));
        var directory = CountryDirectory.Load(countriesFile, errors);

        var catalogDir = Path.Combine(rulesDirectory, "catalog");
        var catalogFiles = Directory.Exists(catalogDir)
            ? Directory.GetFiles(catalogDir, "*.json").Order(StringComparer.Ordinal).Select(Read).ToList()
            : [];
        if (catalogFiles.Count == 0)
            errors.Add(new PackError(Display(rulesDirectory, catalogDir), null, null, null, PackErrorCodes.FileMissing, "the chip catalog folder holds no *.json file"));
        var catalog = ChipCatalog.Load(catalogFiles, errors);

        var changesFile = chain.Select(d => Path.Combine(d, GroupChanges.FileName)).FirstOrDefault(File.Exists) is { } changesPath ? Read(changesPath) : null;
        // A change dated before the pack starts, or once it has ended, is a mistake in the pack's own file; one inherited from the base pack is history.
        var ownChanges = changesFile is not null && File.Exists(Path.Combine(packDir, GroupChanges.FileName));
        var groups = CountryGroups.Load(directory, ReadLayered("country-groups.json"), ReadLayered("tiers.json"), changesFile, asOf, errors,
            ownChanges ? manifest?.EffectiveFrom : null, ownChanges ? manifest?.EffectiveTo : null);
        var classification = ClassificationThresholds.Load(ReadLayered("classification.json"), errors);
        var volumes = VolumeLimits.Load(ReadLayered("volumes.json"), errors);
        var terms = EndUseTerms.Load(ReadLayered("end-use-terms.json"), errors);
        var veu = ValidatedEndUsers.Load(ReadLayered("validated-end-users.json"), directory.Contains, errors);

        // Workflows merge from the base pack up: an extending pack's rules replace base rules of the same id in place.
        List<WorkflowSource>? workflows = null;
        foreach (var dir in Enumerable.Reverse(chain))
        {
            var workflowDir = Path.Combine(dir, "workflows");
            var level = (Directory.Exists(workflowDir) ? Directory.GetFiles(workflowDir, "*.json").Order(StringComparer.Ordinal).ToList() : [])
                .SelectMany(f => WorkflowSource.Read(Read(f), errors)).ToList();
            CheckDuplicateIds(level, errors);
            workflows = workflows is null ? level : WorkflowMerge.Apply(workflows, level, errors);
        }
        workflows ??= [];
        if (workflows.Count == 0)
            errors.Add(new PackError(Display(rulesDirectory, Path.Combine(packDir, "workflows")), null, null, null, PackErrorCodes.FileMissing,
                "the pack has no workflows/*.json file of rules"));

        var partiesConfig = chain.Select(d => Path.Combine(d, PartyConfig.FileName)).FirstOrDefault(File.Exists) ?? Path.Combine(packDir, PartyConfig.FileName);
        var parties = LoadParties(rulesDirectory, partiesConfig, Read, files, errors);

        var compiled = RuleCompiler.Compile(workflows, groups.GroupNames.ToArray(), terms.ListNames.ToArray(), errors);
        // A missing file is read as empty so that the other files are still checked on their own (syntax, schema). What its
        // loader then finds absent, and what other files name in it (groups, terms, countries, the rules' expressions),
        // would be a screenful of echoes of the one error to fix: those checks wait until the file is there.
        if (missing.Count > 0)
            errors.RemoveAll(e => e.Code != PackErrorCodes.FileMissing && (missing.Contains(e.File) || !FileLocalCodes.Contains(e.Code)));
        if (errors.Count > 0 || manifest is null || compiled is null)
            throw new RulePackException(errors);
        return new RulePack(manifest, packDir, catalog, groups, classification, volumes, terms, veu, compiled, files) { Parties = parties };
    }

    /// <summary>The pack's restricted-party screening from its optional <c>parties.json</c>; a list file's problem (a malformed
    /// row, an empty list) becomes an error naming the file, row and line.</summary>
    private static PartyScreening LoadParties(string rulesDirectory, string configPath, Func<string, JsonSource> read, List<PackFile> files, List<PackError> errors)
    {
        if (!File.Exists(configPath))
            return PartyScreening.None;
        var (thresholds, lists) = PartyConfig.Load(read(configPath), rulesDirectory, errors);
        try
        {
            var set = PartyListReader.Read(lists, path => Display(rulesDirectory, path));
            files.AddRange(set.Files);
            return new PartyScreening(set, thresholds);
        }
        catch (PartyListException e)
        {
            errors.Add(new PackError(e.File, e.Line is { } line ? (int)line : null, null, null, PackErrorCodes.PartyListInvalid,
                e.Row is { } row ? $"row {row}: {e.Problem}" : e.Problem));
            return PartyScreening.None;
        }
    }

    private static void CheckDuplicateIds(List<WorkflowSource> workflows, List<PackError> errors)
    {
        var seen = new Dictionary<string, RuleDefinition>(StringComparer.Ordinal);
        foreach (var workflow in workflows)
        {
            foreach (var (rule, path, file) in workflow.Rules)
            {
                if (seen.TryGetValue(rule.Id, out var first))
                    errors.Add(file.Error($"{path}.RuleName", PackErrorCodes.DuplicateRuleId,
                        $"rule id {rule.Id} is already used at {first.File}:{first.Line}; give each rule its own id", rule.Id));
                else
                    seen[rule.Id] = rule;
            }
        }
    }

    /// <summary>The errors a file has whatever the other files hold.</summary>
    private static readonly HashSet<string> FileLocalCodes =
    [
        PackErrorCodes.FileUnreadable, PackErrorCodes.JsonSyntax, PackErrorCodes.DuplicateKey, PackErrorCodes.SchemaViolation,
        PackErrorCodes.SchemaMissing, PackErrorCodes.UnknownFile, PackErrorCodes.DuplicateRuleId, PackErrorCodes.PackWindowsOverlap,
    ];

    /// <summary>Whether a pack folder's top-level JSON file of this name is one the loader reads (the rest are mistakes).</summary>
    private static bool IsPackFile(string name) =>
        PackFileNames.Contains(name) || name is PartyConfig.FileName or GroupChanges.FileName;

    /// <summary>The error for a JSON file in a pack folder that no part of ChipScreen reads.</summary>
    internal static PackError UnknownFile(string display) =>
        new(display, null, null, null, PackErrorCodes.UnknownFile,
            "ChipScreen reads no file of this name here, so its content would be ignored; check the name (pack files: " +
            string.Join(", ", PackFileNames.Append(PartyConfig.FileName).Append(GroupChanges.FileName)) + ", workflows/*.json, tests/*.json)");

    internal static IEnumerable<string> PackDirectories(string rulesDirectory) =>
        Directory.Exists(rulesDirectory)
            ? Directory.GetDirectories(rulesDirectory).Where(d => File.Exists(Path.Combine(d, "pack.json"))).Order(StringComparer.Ordinal)
            : [];

    internal static string Display(string rulesDirectory, string path) =>
        Path.GetRelativePath(rulesDirectory, path).Replace('\\', '/');
}
