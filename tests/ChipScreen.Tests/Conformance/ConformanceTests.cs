using ChipScreen.Orders;
using ChipScreen.Screening;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Conformance;

/// <summary>The specification's conformance cases for ai-diffusion-2025: every line must match.</summary>
public class ConformanceTests
{
    [Fact]
    public void EveryConformanceLine_Matches()
    {
        var orders = Path.Combine(Repo.Data, "conformance", "ai-diffusion-2025-orders.csv");
        var expected = File.ReadAllLines(Path.Combine(Repo.Data, "conformance", "ai-diffusion-2025-expected.csv")).Skip(1)
            .Select(l => l.Split(',')).ToList();
        var decisions = new BatchScreener(Screen.Pack).Screen(new OrderCsvFile(orders), new DateOnly(2025, 12, 31)).ToList();

        Assert.Equal(expected.Count, decisions.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, d) = (expected[i], decisions[i]);
            var actual = new[] { d.OrderId, d.Line, d.Decision.ToContractString(), d.Exception ?? "", d.Eccn?.Value ?? "", d.Tier?.ToString() ?? "" };
            for (var c = 0; c < actual.Length; c++)
                if (e[c] != "*")
                    Assert.True(e[c] == actual[c], $"{e[0]}/{e[1]}: expected {string.Join(',', e)}, got {string.Join(',', actual)} ({d.Message})");
        }
    }
}
