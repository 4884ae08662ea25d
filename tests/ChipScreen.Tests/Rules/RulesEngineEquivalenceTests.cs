using System.Text.Json;
using ChipScreen.Orders;
using ChipScreen.Rules;
using ChipScreen.Screening;
using ChipScreen.Tests.Support;
using RulesEngine.Models;

namespace ChipScreen.Tests.Rules;

/// <summary>The compiled evaluation path and RulesEngine's own <c>ExecuteAllRulesAsync</c>, on the same workflow file
/// and the same facts, fire the same rules and so give the same decisions.</summary>
public class RulesEngineEquivalenceTests
{
    /// <summary>A workflow file holds one workflow (an object, which can carry <c>$schema</c>) or RulesEngine's array of them.</summary>
    private static Workflow[] Workflows(string file)
    {
        var text = File.ReadAllText(file);
        return text.TrimStart().StartsWith('[') ? JsonSerializer.Deserialize<Workflow[]>(text)! : [JsonSerializer.Deserialize<Workflow>(text)!];
    }

    public static TheoryData<string> Samples() => new(Directory.GetFiles(Repo.Samples, "*.csv").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task SampleBatch_GivesTheSameDecisionsThroughRulesEngine(string sample)
    {
        var pack = Screen.Pack;
        var path = Path.Combine(Repo.Samples, sample);
        var workflows = Directory.GetFiles(Path.Combine(Repo.Rules, "ai-diffusion-2025", "workflows"), "*.json").Order(StringComparer.Ordinal)
            .SelectMany(Workflows).ToArray();
        var engine = new RulesEngine.RulesEngine(workflows, RuleCompiler.Settings());
        var byId = pack.RuleDefinitions.ToDictionary(r => r.Id);

        var screener = new BatchScreener(pack, 1);
        var source = new OrderCsvFile(path);
        var plan = screener.Plan(source, Screen.AsOf, ChipScreen.Volumes.EmptyVolumeBaseline.Instance);
        var ours = screener.Decide(source, Screen.AsOf, plan).ToList();
        using var reader = OrderCsvReader.Open(path);
        var lines = reader.ReadLines().ToList();
        Assert.Equal(lines.Count, ours.Count);

        for (var i = 0; i < lines.Count; i++)
        {
            var facts = screener.FactsFor(lines[i], Screen.AsOf, plan);
            var results = new List<RuleResultTree>();
            foreach (var workflow in workflows)
                results.AddRange(await engine.ExecuteAllRulesAsync(workflow.WorkflowName, new RuleParameter("line", facts)));
            Assert.All(results, r => Assert.True(string.IsNullOrEmpty(r.ExceptionMessage), r.ExceptionMessage));
            var fired = results.Where(r => r.IsSuccess).Select(r => r.Rule.RuleName).ToList();
            var decisive = fired.Where(id => !byId[id].Fallback).ToList();
            if (decisive.Count == 0)
                decisive = fired;
            var decision = decisive.Select(id => byId[id].Decision).DefaultIfEmpty(Decision.Hold).Max();

            var ourRules = ours[i].Reasons.Select(r => r.RuleId).Where(byId.ContainsKey).ToList();
            Assert.True(decisive.SequenceEqual(ourRules), $"{sample} row {i + 1}: RulesEngine fired {string.Join(';', decisive)}, ChipScreen {string.Join(';', ourRules)}");
            Assert.Equal(decision, ours[i].Decision);
        }
    }
}
