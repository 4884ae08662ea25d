using System.Text.Json;
using ChipScreen.Orders;
using ChipScreen.Rules;
using ChipScreen.Screening;
using ChipScreen.Tests.Support;
using RulesEngine.Models;

namespace ChipScreen.Tests.Rules;

/// <summary>The compiled evaluation path and RulesEngine's own <c>ExecuteAllRulesAsync</c>, on the same workflow file
/// and the same facts, fire the same rules and so give the same decisions. On a line with data issues, ChipScreen then
/// sets aside the rules that read a value the line does not have: it lists fewer, and decides it no less severely.</summary>
public class RulesEngineEquivalenceTests
{
    /// <summary>A workflow file holds one workflow (an object, which can carry <c>$schema</c>) or RulesEngine's array of them.</summary>
    private static Workflow[] Workflows(string file)
    {
        var text = File.ReadAllText(file);
        return text.TrimStart().StartsWith('[') ? JsonSerializer.Deserialize<Workflow[]>(text)! : [JsonSerializer.Deserialize<Workflow>(text)!];
    }

    /// <summary>Every pack, at a date it is in force (us-2026 also after its last dated group change), with every sample.</summary>
    public static TheoryData<string, string, string> PacksAndSamples()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (pack, asOf) in new[] { ("ac-2023", "2024-06-01"), ("ai-diffusion-2025", "2025-12-31"), ("us-2026", "2026-06-01"), ("us-2026", "2026-08-01") })
            foreach (var sample in Directory.GetFiles(Repo.Samples, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal))
                data.Add(pack, asOf, sample!);
        return data;
    }

    [Theory]
    [MemberData(nameof(PacksAndSamples))]
    public async Task SampleBatch_GivesTheSameDecisionsThroughRulesEngine(string packId, string asOfText, string sample)
    {
        var asOf = DateOnly.Parse(asOfText, System.Globalization.CultureInfo.InvariantCulture);
        var pack = RulePackLoader.Load(Repo.Rules, packId, asOf);
        var path = Path.Combine(Repo.Samples, sample);
        var workflows = WorkflowsOf(packId);
        var engine = new RulesEngine.RulesEngine(workflows, RuleCompiler.Settings());
        var byId = pack.RuleDefinitions.ToDictionary(r => r.Id);
        Assert.Equal(workflows.SelectMany(w => w.Rules).Select(r => r.RuleName), pack.RuleDefinitions.Select(r => r.Id));

        var screener = new BatchScreener(pack, 1);
        var source = new OrderCsvFile(path);
        var plan = screener.Plan(source, asOf, ChipScreen.Volumes.EmptyVolumeBaseline.Instance);
        var ours = screener.Decide(source, asOf, plan).ToList();
        using var reader = OrderCsvReader.Open(path);
        var lines = reader.ReadLines().ToList();
        Assert.Equal(lines.Count, ours.Count);

        for (var i = 0; i < lines.Count; i++)
        {
            var facts = screener.FactsFor(lines[i], asOf, plan);
            var results = new List<RuleResultTree>();
            foreach (var workflow in workflows)
                results.AddRange(await engine.ExecuteAllRulesAsync(workflow.WorkflowName, new RuleParameter("line", facts)));
            Assert.All(results, r => Assert.True(string.IsNullOrEmpty(r.ExceptionMessage), r.ExceptionMessage));
            var fired = results.Where(r => r.IsSuccess).Select(r => r.Rule.RuleName).ToList();
            var decisive = fired.Where(id => !byId[id].Fallback).ToList();
            if (decisive.Count == 0)
                decisive = fired;
            var decision = decisive.Select(id => byId[id].Decision).DefaultIfEmpty(Decision.Hold).Max();

            // The compiled rules fire exactly as RulesEngine's, on every line.
            var raw = new bool[pack.Rules.Rules.Count];
            pack.Rules.Evaluate(facts, raw);
            var ourFired = pack.Rules.Rules.Where((_, r) => raw[r]).Select(r => r.Id).ToList();
            Assert.True(fired.SequenceEqual(ourFired), $"{packId} {sample} row {i + 1}: RulesEngine fired {string.Join(';', fired)}, the compiled rules {string.Join(';', ourFired)}");

            var ourRules = ours[i].Reasons.Select(r => r.RuleId).Where(byId.ContainsKey).ToList();
            if (!facts.HasDataErrors)
            {
                Assert.True(decisive.SequenceEqual(ourRules), $"{packId} {sample} row {i + 1}: RulesEngine fired {string.Join(';', decisive)}, ChipScreen {string.Join(';', ourRules)}");
                Assert.Equal(decision, ours[i].Decision);
                continue;
            }
            // A line with data issues lists what fired less the rules that read a value the line does not have (a rule
            // more severe than the hold stands even so), and is decided as RulesEngine's rules decide it, at least HOLD.
            var index = pack.Rules.Rules.Select((r, n) => (r.Id, n)).ToDictionary(x => x.Id, x => x.n);
            Assert.True(ourRules.All(decisive.Contains), $"{packId} {sample} row {i + 1}: ChipScreen listed {string.Join(';', ourRules)}, not all fired ({string.Join(';', decisive)})");
            foreach (var id in decisive.Except(ourRules))
                Assert.True((pack.Rules.Reads[index[id]] & facts.Unusable) != 0 && byId[id].Decision <= ours[i].Decision,
                    $"{packId} {sample} row {i + 1}: {id} fired on values the line has but is not listed");
            Assert.Equal((Decision)Math.Max((int)decision, (int)Decision.Hold), ours[i].Decision);
        }
    }

    /// <summary>A pack's workflows as RulesEngine reads them: its own files in name order or, for a pack that extends
    /// another, the base's merged with its own as the pack format says (written here again, independently of the loader):
    /// a rule named like a base rule replaces it where it stands, one with <c>"Enabled": false</c> removes it, any other
    /// is added to the end of its workflow; a global parameter replaces the base's of its name or is added.</summary>
    private static Workflow[] WorkflowsOf(string packId)
    {
        var folder = Path.Combine(Repo.Rules, packId);
        var own = Directory.GetFiles(Path.Combine(folder, "workflows"), "*.json").Order(StringComparer.Ordinal).SelectMany(Workflows).ToArray();
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "pack.json")));
        if (!manifest.RootElement.TryGetProperty("extends", out var extends) || extends.GetString() is not { } baseId)
            return own;
        var merged = WorkflowsOf(baseId).ToList();
        foreach (var overlay in own)
        {
            var target = merged.FirstOrDefault(w => w.WorkflowName == overlay.WorkflowName);
            if (target is null)
                merged.Add(target = new Workflow { WorkflowName = overlay.WorkflowName, Rules = [], GlobalParams = [] });
            var globals = (target.GlobalParams ?? []).ToList();
            foreach (var global in overlay.GlobalParams ?? [])
            {
                var at = globals.FindIndex(g => g.Name == global.Name);
                if (at >= 0)
                    globals[at] = global;
                else
                    globals.Add(global);
            }
            target.GlobalParams = globals;
            foreach (var rule in overlay.Rules)
            {
                var holder = merged.FirstOrDefault(w => w.Rules.Any(r => r.RuleName == rule.RuleName));
                if (holder is not null)
                {
                    var rules = holder.Rules.ToList();
                    var at = rules.FindIndex(r => r.RuleName == rule.RuleName);
                    if (rule.Enabled)
                        rules[at] = rule;
                    else
                        rules.RemoveAt(at);
                    holder.Rules = rules;
                }
                else if (rule.Enabled)
                {
                    target.Rules = [.. target.Rules, rule];
                }
            }
        }
        return [.. merged];
    }
}
