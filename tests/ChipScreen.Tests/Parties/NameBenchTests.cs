using ChipScreen.Parties;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Parties;

/// <summary>Precision and recall of the verdict <c>match</c> on the labelled company and organization pairs of
/// opensanctions/nomenklatura (tests/data/matching/name-bench-cases.csv), at the shipped pack's thresholds, as
/// <c>chipscreen parties compare</c> scores them. The README reports these figures; this test fails if either drops more
/// than two points below them.</summary>
public class NameBenchTests
{
    /// <summary>The figures the README reports.</summary>
    public const double ReportedPrecision = 0.956;

    /// <summary>The figures the README reports.</summary>
    public const double ReportedRecall = 0.916;

    [Fact]
    public void CompanyAndOrganizationPairs_KeepTheReportedPrecisionAndRecall()
    {
        var (precision, recall, pairs) = Measure();
        Assert.True(pairs > 250, $"{pairs} pairs");
        Assert.True(precision >= ReportedPrecision - 0.02, $"precision {precision:0.000} < reported {ReportedPrecision:0.000} - 0.02");
        Assert.True(recall >= ReportedRecall - 0.02, $"recall {recall:0.000} < reported {ReportedRecall:0.000} - 0.02");
    }

    internal static (double Precision, double Recall, int Pairs) Measure()
    {
        var screening = Screen.Pack.Parties;
        var rows = ListTable.Read(Path.Combine(Repo.Data, "matching", "name-bench-cases.csv"), "name-bench-cases.csv", ',', hasHeader: true, out _)
            .Select(r => r.Fields).Where(f => f[1] is "Company" or "Organization").ToList();
        int tp = 0, fp = 0, fn = 0;
        foreach (var f in rows)
        {
            var match = screening.Compare(f[2], f[3]).Verdict == Verdicts.Match;
            var truth = f[4] == "true";
            if (match && truth) tp++;
            else if (match) fp++;
            else if (truth) fn++;
        }
        return (tp / (double)(tp + fp), tp / (double)(tp + fn), rows.Count);
    }
}
