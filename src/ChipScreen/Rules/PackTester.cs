using ChipScreen.Parties;
using ChipScreen.Screening;

namespace ChipScreen.Rules;

/// <summary>Runs the test cases beside each pack (<c>&lt;pack&gt;/tests/*.json</c>), like <c>opa test</c>: each case
/// screens one order line on its own under the pack and compares decision, exception, ECCN, tier and rule ids.</summary>
/// <remarks>A pack passes when every case passes and every rule of the pack is expected to fire by at least one case.
/// The engine of <c>chipscreen rules test</c>. Deterministic; thread-safe (it holds no state).</remarks>
public static class PackTester
{
    /// <summary>The folder of a pack that holds its tests.</summary>
    public const string TestFolder = "tests";

    /// <summary>Runs the tests of every pack in <paramref name="rulesDirectory"/>, or of <paramref name="packId"/> alone.</summary>
    public static PackTestRun Run(string rulesDirectory, string? packId = null)
    {
        ArgumentNullException.ThrowIfNull(rulesDirectory);
        var ids = packId is not null ? [packId] : RulePackLoader.PackDirectories(rulesDirectory).Select(d => Path.GetFileName(d)!).ToList();
        if (ids.Count == 0)
            return new PackTestRun([new PackTestOutcome("(no pack)", [], [], [new PackError(rulesDirectory, null, null, null, PackErrorCodes.PackNotFound, "the rules directory holds no pack (a folder with a pack.json)")])]);
        return new PackTestRun(ids.Select(id => RunPack(rulesDirectory, id)).ToList());
    }

    private static PackTestOutcome RunPack(string rulesDirectory, string packId)
    {
        RulePack pack;
        try
        {
            pack = RulePackLoader.Load(rulesDirectory, packId, DateOnly.MinValue);
        }
        catch (RulePackException e)
        {
            return new PackTestOutcome(packId, [], [], e.Errors);
        }

        var errors = new List<PackError>();
        var files = new List<PackTestFile>();
        var dir = Path.Combine(rulesDirectory, packId, TestFolder);
        var paths = Directory.Exists(dir) ? Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal).ToList() : [];
        if (paths.Count == 0)
            errors.Add(new PackError(RulePackLoader.Display(rulesDirectory, dir), null, null, null, PackErrorCodes.FileMissing,
                "the pack has no tests/*.json: add test cases (an order line and the expected decision) for every rule"));
        var ruleIds = pack.RuleDefinitions.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        // Checked against its schema as rules validate checks it: a misspelt "expect" key ("eccm", "teir") or "as-of" would
        // otherwise be left out of the comparison, and its case pass whatever the pack decides.
        var schemas = RuleFileSchemas.For(rulesDirectory);
        foreach (var path in paths)
        {
            var fileErrors = new List<PackError>();
            var source = JsonSource.Load(path, RulePackLoader.Display(rulesDirectory, path), fileErrors);
            schemas?.Check(source, RuleFileKind.PackTest, fileErrors);
            var file = PackTestFile.Read(source, fileErrors);
            errors.AddRange(RuleFileSchemas.WithoutEchoes(fileErrors));
            if (file is null || fileErrors.Count > 0)
                continue;
            var i = 0;
            foreach (var testCase in file.Cases)
            {
                foreach (var id in testCase.Expect.RuleIds ?? [])
                    if (!ruleIds.Contains(id))
                        errors.Add(source.Error($"$.cases[{i}].expect.rule_ids", PackErrorCodes.PackTestInvalid,
                            $"case \"{testCase.Name}\" expects rule {id}, which pack {packId} does not have (its rules: {string.Join(", ", pack.RuleDefinitions.Select(r => r.Id))})"));
                i++;
            }
            files.Add(file);
        }
        if (errors.Count > 0)
            return new PackTestOutcome(packId, [], [], errors);

        var results = new List<PackTestResult>();
        var byDate = new Dictionary<DateOnly, RulePack>();
        foreach (var file in files)
        {
            // The pack as it stands on the file's as-of date (dated group changes apply then).
            var asOf = file.AsOf ?? pack.Manifest.EffectiveFrom;
            RulePack withLists;
            try
            {
                if (!byDate.TryGetValue(asOf, out var dated))
                    byDate[asOf] = dated = RulePackLoader.Load(rulesDirectory, packId, asOf);
                withLists = (file.Lists.Count == 0 ? dated : dated.WithPartyLists(PartyListReader.Read(file.Lists, p => RulePackLoader.Display(rulesDirectory, p))))
                    .WithValidatedEndUsers(file.ValidatedEndUsers);
            }
            catch (RulePackException e)
            {
                return new PackTestOutcome(packId, [], [], e.Errors);
            }
            catch (PartyListException e)
            {
                return new PackTestOutcome(packId, [], [], [new PackError(e.File, e.Line is { } l ? (int)l : null, null, null, PackErrorCodes.PartyListInvalid, e.Problem)]);
            }
            var screener = new BatchScreener(withLists, 1);
            foreach (var testCase in file.Cases)
            {
                var actual = screener.ScreenOne(testCase.Order with { Row = 1 }, asOf);
                results.Add(new PackTestResult(testCase, actual, Compare(testCase.Expect, actual)));
            }
        }
        var covered = results.SelectMany(r => r.Case.Expect.RuleIds ?? []).ToHashSet(StringComparer.Ordinal);
        var uncovered = pack.RuleDefinitions.Select(r => r.Id).Where(id => !covered.Contains(id)).ToList();
        return new PackTestOutcome(packId, results, uncovered, []);
    }

    private static List<string> Compare(PackTestExpectation expect, LineDecision actual)
    {
        var differences = new List<string>();
        if (expect.Decision != actual.Decision)
            differences.Add($"decision: expected {expect.Decision.ToContractString()}, got {actual.Decision.ToContractString()}");
        if (expect.Exception is { } exception && exception != (actual.Exception ?? ""))
            differences.Add($"exception: expected {Shown(exception)}, got {Shown(actual.Exception ?? "")}");
        if (expect.Eccn is { } eccn && eccn != (actual.Eccn?.Value ?? ""))
            differences.Add($"eccn: expected {Shown(eccn)}, got {Shown(actual.Eccn?.Value ?? "")}");
        if (expect.Tier is { } tier && tier != (actual.Tier ?? 0))
            differences.Add($"tier: expected {(tier == 0 ? "unknown" : tier)}, got {(actual.Tier is { } t ? t : "unknown")}");
        var fired = actual.Reasons.Select(r => r.RuleId).ToList();
        if (expect.RuleIds is { } rules && !rules.SequenceEqual(fired, StringComparer.Ordinal))
            differences.Add($"rule_ids: expected {Shown(string.Join(";", rules))}, got {Shown(string.Join(";", fired))}");
        return differences;
    }

    private static string Shown(string value) => value.Length == 0 ? "none" : value;
}
