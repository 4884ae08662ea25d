namespace ChipScreen.Rules;

/// <summary>Checks every pack of a rules directory without screening anything: each file against the JSON Schema of its
/// kind, then each pack as the loader builds it (syntax, expressions, forbidden members, unknown names, duplicate ids,
/// country codes, tiers, thresholds, decisions and exceptions). The engine of <c>chipscreen rules validate</c>.</summary>
/// <remarks>Every error is collected, each once, sorted by file and position. Nothing is evaluated: a pack with an error
/// never reaches a line. Thread-safe (it holds no state).</remarks>
public static class RulesValidator
{
    /// <summary>Validates every pack in <paramref name="rulesDirectory"/> and the shared files (catalog, countries, lists).</summary>
    public static RulesValidation Validate(string rulesDirectory)
    {
        ArgumentNullException.ThrowIfNull(rulesDirectory);
        if (!Directory.Exists(rulesDirectory))
            return new RulesValidation(rulesDirectory, [], [RulePackLoader.NoDirectory(rulesDirectory)]);

        var schemas = RuleFileSchemas.For(rulesDirectory);
        var shared = new List<PackError>();
        if (schemas is null)
            shared.Add(new PackError(RuleFileKind.SchemaFolder, null, null, null, PackErrorCodes.SchemaMissing,
                "the rules directory has no schemas/ folder, so no file can be checked against its schema; copy rules/schemas from the ChipScreen repository"));
        schemas ??= new RuleFileSchemas(rulesDirectory);
        foreach (var path in SharedFiles(rulesDirectory))
            CheckFile(rulesDirectory, path, schemas, shared);

        var packs = new List<PackValidation>();
        foreach (var dir in RulePackLoader.PackDirectories(rulesDirectory))
        {
            var id = Path.GetFileName(dir);
            var errors = new List<PackError>();
            foreach (var path in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                CheckFile(rulesDirectory, path, schemas, errors);
            var rules = 0;
            var loadErrors = new List<PackError>();
            try
            {
                var pack = RulePackLoader.Load(rulesDirectory, id, DateOnly.MinValue);
                rules = pack.RuleDefinitions.Count;
                // Again on each day a dated group change takes effect: the tiers must still hold together then.
                foreach (var date in pack.Countries.Changes.Select(c => c.Date).Distinct())
                    RulePackLoader.Load(rulesDirectory, id, date);
            }
            catch (RulePackException e)
            {
                loadErrors.AddRange(e.Errors);
            }
            errors.AddRange(loadErrors);
            packs.Add(new PackValidation(id, errors.Count == 0 && loadErrors.Count == 0, rules, Distinct(errors)));
        }
        if (packs.Count == 0)
            shared.Add(new PackError(".", null, null, null, PackErrorCodes.PackNotFound, "the rules directory holds no pack (a folder with a pack.json)"));

        var all = Distinct(shared.Concat(packs.SelectMany(p => p.Errors)));
        return new RulesValidation(rulesDirectory, packs, all);
    }

    private static IEnumerable<string> SharedFiles(string rulesDirectory)
    {
        foreach (var folder in new[] { "catalog", "countries", "lists" })
        {
            var dir = Path.Combine(rulesDirectory, folder);
            if (Directory.Exists(dir))
                foreach (var file in Directory.EnumerateFiles(dir, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    yield return file;
        }
    }

    private static void CheckFile(string rulesDirectory, string path, RuleFileSchemas schemas, List<PackError> errors)
    {
        var display = RulePackLoader.Display(rulesDirectory, path);
        if (!path.EndsWith(".json", StringComparison.Ordinal))
            return;
        var kind = RuleFileKind.Of(display);
        if (kind is null)
        {
            errors.Add(RulePackLoader.UnknownFile(display));
            return;
        }
        var file = JsonSource.Load(path, display, errors);
        schemas.Check(file, kind, errors);
    }

    /// <summary>Each error once; a schema violation is left out where another check names the same spot (its message is
    /// the more specific).</summary>
    private static IReadOnlyList<PackError> Distinct(IEnumerable<PackError> errors) =>
        RuleFileSchemas.WithoutEchoes(errors.Distinct().ToList()).OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line ?? 0).ThenBy(e => e.Column ?? 0)
            .ThenBy(e => e.RuleId, StringComparer.Ordinal).ThenBy(e => e.Code, StringComparer.Ordinal).ThenBy(e => e.Message, StringComparer.Ordinal).ToArray();
}
