using System.Text.Json;
using ChipScreen.Orders;
using ChipScreen.Parties;
using ChipScreen.Reports;
using ChipScreen.Screening;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Reports;

/// <summary>An audit record shows which restricted-party list entries each party of the line matched, may match, or was
/// cleared against, with the entry, the score and why: the facts the party rules decided on, not only their message.</summary>
public class AuditRecordPartiesTests
{
    private static JsonElement Matches(LineDecision d) =>
        JsonDocument.Parse(AuditRecordJson.Format(d)).RootElement.GetProperty("facts").GetProperty("party_matches");

    private static LineDecision SampleLine(string orderId) =>
        new BatchScreener(Screen.Pack).Screen(new OrderCsvFile(Path.Combine(Repo.Samples, "distributor-q3-2025.csv")), Screen.AsOf)
            .Single(d => d.OrderId == orderId);

    [Fact]
    public void AMatch_IsRecordedWithItsEntryScoreAndPolicy()
    {
        var d = SampleLine("SO-250750"); // end user "Hua Wei Technologies Co"
        Assert.Equal(Decision.Prohibited, d.Decision);
        var match = Assert.Single(Matches(d).EnumerateArray());
        Assert.Equal("end_user", match.GetProperty("role").GetString());
        Assert.Equal("Hua Wei Technologies Co", match.GetProperty("name").GetString());
        Assert.Equal("CN", match.GetProperty("country").GetString());
        Assert.Equal("entity_list", match.GetProperty("list").GetString());
        Assert.Equal("el-huawei-technologies", match.GetProperty("entry_id").GetString());
        Assert.Equal("Huawei Technologies Co., Ltd.", match.GetProperty("entry_name").GetString());
        Assert.Equal(100, match.GetProperty("score").GetInt32());
        Assert.Equal("match", match.GetProperty("verdict").GetString());
        Assert.Equal("84 FR 22961", match.GetProperty("federal_register_notice").GetString());
        Assert.Equal("Presumption of denial", match.GetProperty("license_policy").GetString());
        Assert.Equal("denial", match.GetProperty("policy").GetString());
        Assert.Matches("^[0-9a-f]{12,}$", match.GetProperty("entry_hash").GetString());
        Assert.False(string.IsNullOrEmpty(match.GetProperty("explanation").GetString()));
        var facts = Assert.Single(d.Facts.PartyMatches);
        Assert.Equal((facts.EntryHash, facts.Explanation, facts.MatchedName, facts.MatchedAs),
            (match.GetProperty("entry_hash").GetString(), match.GetProperty("explanation").GetString(), match.GetProperty("matched_name").GetString(), match.GetProperty("matched_as").GetString()));
    }

    [Fact]
    public void APotentialMatch_IsRecordedAsReview_AndACleanLineWithNone()
    {
        var potential = SampleLine("SO-250751"); // "Moore Threads ... (Shanghai)" against the Beijing entry
        Assert.Equal(Decision.Hold, potential.Decision);
        Assert.Contains(Matches(potential).EnumerateArray(), m => m.GetProperty("verdict").GetString() == "review"
            && m.GetProperty("entry_id").GetString() == "el-moore-threads-beijing");

        var clean = Screen.One(Screen.Line("DE", endUser: "Plain Buyer GmbH"));
        Assert.Empty(clean.Facts.PartyMatches);
        Assert.Equal(JsonValueKind.Array, Matches(clean).ValueKind);
        Assert.Equal(0, Matches(clean).GetArrayLength());
    }

    [Fact]
    public void ReportJson_CountsTheLinesOfEachVerdict_AsAuditJsonlRecordsThem_AndTheSummarySaysSo()
    {
        using var dir = new TempDir();
        var (code, output, err) = Cli.ScreenCommandTests.Run("screen", Path.Combine(Repo.Samples, "distributor-q3-2025.csv"), "--rules", Repo.Rules,
            "--as-of", "2025-09-30", "--out", dir.File("out"), "--list", Path.Combine(Repo.Data, "lists", "csl-sample-2025.csv"));
        Assert.True(code == 0, err);
        var expected = new Dictionary<string, long> { ["match"] = 0, ["review"] = 0, ["cleared"] = 0 };
        foreach (var line in File.ReadLines(dir.File("out/audit.jsonl")))
        {
            using var record = JsonDocument.Parse(line);
            foreach (var verdict in record.RootElement.GetProperty("facts").GetProperty("party_matches").EnumerateArray().Select(m => m.GetProperty("verdict").GetString()!).Distinct())
                expected[verdict]++;
        }
        Assert.True(expected["match"] > 0 && expected["review"] > 0);
        using var report = JsonDocument.Parse(File.ReadAllText(dir.File("out/report.json")));
        Assert.Equal(expected, report.RootElement.GetProperty("counts").GetProperty("lines_by_party_verdict").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()));
        Assert.Contains($"  lines with a restricted-party hit: {expected["match"]} matching, {expected["review"]} possibly matching (review), 0 cleared by a disposition", output);
    }

    [Fact]
    public void ACandidateClearedByAReviewedDisposition_IsRecordedWithTheReviewer()
    {
        var entry = Screen.Pack.Parties.Lists.Entries.Single(e => e.Id == "el-huawei-device");
        // The shop also resembles Huawei Technologies enough to need a review; the reviewer cleared both entries.
        var technologies = Screen.Pack.Parties.Lists.Entries.Single(e => e.Id == "el-huawei-technologies");
        using var dir = new TempDir();
        var file = dir.Write("dispositions.json", $$"""
            { "dispositions": [ { "name": "Huawei Device Company", "entry_id": "el-huawei-device", "entry_hash": "{{entry.ContentHash[..12]}}",
                                  "reviewer": "J. Doe", "date": "2025-10-01", "reason": "a phone repair shop in Lagos, checked by registry extract" },
                                { "name": "Huawei Device Company", "entry_id": "el-huawei-technologies", "entry_hash": "{{technologies.ContentHash[..12]}}",
                                  "reviewer": "J. Doe", "date": "2025-10-01", "reason": "a phone repair shop in Lagos, checked by registry extract" } ] }
            """);
        var pack = Screen.Pack.WithPartyLists(PartyListReader.Read([file]));
        var d = Screen.Batch(pack, Screen.Line("NG", tpp: 1000, die: 500, endUser: "Huawei Device Company"))[0];
        Assert.Equal(Decision.Nlr, d.Decision);
        var cleared = Assert.Single(Matches(d).EnumerateArray(), m => m.GetProperty("entry_id").GetString() == "el-huawei-device");
        Assert.Equal("cleared", cleared.GetProperty("verdict").GetString());
        Assert.Contains("cleared: not a match per J. Doe on 2025-10-01 (a phone repair shop in Lagos", cleared.GetProperty("explanation").GetString());
        var summary = new BatchSummary();
        summary.Add(d);
        Assert.Equal(1, summary.ByPartyVerdict.Single(v => v.Verdict == "cleared").Lines);
    }
}
