using ChipScreen.Parties;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Parties;

public class PartyScreeningTests
{
    private static PartyScreening Shipped => Screen.Pack.Parties;

    [Fact]
    public void ShippedPack_ScreensAgainstItsCuratedList_AtItsThresholds()
    {
        Assert.Equal(new PartyThresholds(88, 75), Shipped.Thresholds);
        Assert.Equal(PartyThresholds.Default, Shipped.Thresholds);
        Assert.True(Shipped.NameCount > 60);
    }

    [Fact]
    public void CountryAgreement_RaisesTheScore_AndAConflictLowersIt()
    {
        const string Name = "Huawei Device Dongguan Co.";
        var none = Shipped.Search(Name, "").Single(c => c.Entry.Id == "el-huawei-device");
        var agrees = Shipped.Search(Name, "CN").Single(c => c.Entry.Id == "el-huawei-device");
        var hongKong = Shipped.Search(Name, "HK").Single(c => c.Entry.Id == "el-huawei-device");
        var conflicts = Shipped.Search(Name, "DE").Single(c => c.Entry.Id == "el-huawei-device");
        Assert.InRange(none.Score, 75, 95);
        Assert.Equal(none.Score + PartyScreening.CountryAgreement, agrees.Score);
        Assert.Equal(agrees.Score, hongKong.Score); // Hong Kong and Macau count as China
        Assert.Equal(Math.Max(none.Score - PartyScreening.CountryConflict, Shipped.Thresholds.Review), conflicts.Score);
        Assert.Contains("country DE is not the listed CN", conflicts.Explanation);
    }

    [Theory]
    [InlineData("Tianjin Phytium", "SG")]
    [InlineData("Zhipu", "SG")]
    [InlineData("Sunway", "SG")]
    [InlineData("Phytium Technology Malaysia Sdn Bhd", "MY")]
    public void AnotherCountry_NeverTakesANameThatNeedsAReview_BelowIt(string name, string country)
    {
        // A listed Chinese entity's arm in Singapore or Malaysia is how chips are diverted: the country may not clear it.
        var alone = Shipped.Search(name, "").First();
        Assert.True(alone.Score >= Shipped.Thresholds.Review, $"{name}: {alone.Score}");
        var elsewhere = Shipped.Search(name, country).First(c => c.Entry.Id == alone.Entry.Id);
        Assert.Equal(Shipped.Thresholds.Review, elsewhere.Score);
        Assert.Equal(Verdicts.Review, elsewhere.Verdict);
        Assert.Contains("not below review", elsewhere.Explanation);
    }

    [Theory]
    [InlineData("Semiconductor Manufacturing International (Shanghai) Corporation", "el-smic")]
    [InlineData("Semiconductor Manufacturing International (Beijing) Corp.", "el-smic")]
    public void ASubsidiaryQualifiedByItsPlace_OfAListedNameOfGenericWords_IsAtLeastAReview(string name, string entry)
    {
        var best = Shipped.Screen(name, "CN").FirstOrDefault();
        Assert.True(best is not null, $"{name}: no candidate");
        Assert.Equal(entry, best.Entry.Id);
        Assert.NotEqual(Verdicts.NoMatch, best.Verdict);
    }

    [Theory]
    [InlineData("CETC 54", "el-cetc-54")]
    [InlineData("CETC 54th Research Institute", "el-cetc-54")]
    [InlineData("CETC 14", "el-cetc-14")]
    public void AKnownAcronym_WithTheInstitutesNumber_IsAtLeastAReview_OfThatInstitute(string name, string entry)
    {
        var best = Shipped.Screen(name, "CN").FirstOrDefault();
        Assert.True(best is not null, $"{name}: no candidate");
        Assert.Equal(entry, best.Entry.Id);
        Assert.NotEqual(Verdicts.NoMatch, best.Verdict);
    }

    [Theory]
    [InlineData("Chengdu Haiguang IC Co., Ltd.", "el-chengdu-haiguang-ic")]
    [InlineData("Shanghai High-Performance IC Design Center", "el-shanghai-hpic")]
    public void IC_IsIntegratedCircuit(string name, string entry)
    {
        var best = Shipped.Screen(name, "CN").First();
        Assert.Equal(entry, best.Entry.Id);
        Assert.Equal(Verdicts.Match, best.Verdict);
    }

    [Theory]
    [InlineData("NSCC Tianjin", "el-nsc-tianjin")]
    [InlineData("NSC Tianjin", "el-nsc-tianjin")]
    [InlineData("National Supercomputing Center in Tianjin", "el-nsc-tianjin")]
    [InlineData("NSCC Changsha", "el-nsc-changsha")]
    [InlineData("NSC Wuxi", "el-nsc-wuxi")]
    public void OfSeveralEntriesAName_Matches_ThePlaceItNames_ComesFirst(string name, string entry)
    {
        var found = Shipped.Screen(name, "CN");
        Assert.True(found.Count > 0, $"{name}: no candidate");
        Assert.Equal(entry, found[0].Entry.Id);
        Assert.NotEqual(Verdicts.NoMatch, found[0].Verdict);
        // Another center, in another place, is never a better candidate, nor a match.
        Assert.All(found.Skip(1).Where(c => c.Entry.Id.StartsWith("el-nsc-", StringComparison.Ordinal)),
            c => Assert.True(c.Score <= found[0].Score && c.Verdict != Verdicts.Match, $"{c.Entry.Id}: {c.Score} ({c.Explanation})"));
    }

    [Fact]
    public void EveryCandidate_HasAnExplanationAndTheEntryHash()
    {
        var c = Shipped.Screen("Zhi Pu Hua Zhang Technology", "CN").First();
        Assert.Equal("el-zhipu", c.Entry.Id);
        Assert.Equal(Verdicts.Match, c.Verdict);
        Assert.Equal(c.Entry.ContentHash, c.EntryHash);
        Assert.Contains("(joined)", c.Explanation);
        Assert.Contains("country CN agrees", c.Explanation);
    }

    [Fact]
    public void ADisposition_ClearsTheEntryItWasMadeFor_UntilTheEntryChanges()
    {
        var entry = Shipped.Lists.Entries.Single(e => e.Id == "el-huawei-device");
        var disposition = new Disposition("Huawei Device Company", entry.Id, entry.ContentHash[..16], "J. Doe", new DateOnly(2025, 10, 1), "a reseller of that name in Lagos", "dispositions.json");
        var screening = new PartyScreening(Shipped.Lists.Concat(new PartyListSet([], [disposition], [])), Shipped.Thresholds);
        var cleared = screening.Screen("Huawei Device Company", "CN").Single(c => c.Entry.Id == entry.Id);
        Assert.Equal(Verdicts.Cleared, cleared.Verdict);
        Assert.Same(disposition, cleared.Disposition);
        Assert.Contains("cleared: not a match per J. Doe on 2025-10-01", cleared.Explanation);

        // The list changes the entry: the disposition lapses.
        var changed = Shipped.Lists.Entries.Select(e => e.Id == entry.Id ? e with { Aliases = ["Huawei Terminal"] } : e).ToList();
        var later = new PartyScreening(new PartyListSet(changed, [disposition], []), Shipped.Thresholds);
        var again = later.Screen("Huawei Device Company", "CN").Single(c => c.Entry.Id == entry.Id);
        Assert.Equal(Verdicts.Match, again.Verdict);
        Assert.Same(disposition, again.LapsedDisposition);
        Assert.Contains("lapsed", again.Explanation);
    }

    [Fact]
    public void ADisposition_ForAnotherName_DoesNotApply()
    {
        var entry = Shipped.Lists.Entries.Single(e => e.Id == "el-huawei-device");
        var disposition = new Disposition("Some Other Company", entry.Id, entry.ContentHash, "J. Doe", new DateOnly(2025, 10, 1), "other", "d.json");
        var screening = new PartyScreening(Shipped.Lists.Concat(new PartyListSet([], [disposition], [])), Shipped.Thresholds);
        Assert.Equal(Verdicts.Match, screening.Screen("Huawei Device Company", "CN").Single(c => c.Entry.Id == entry.Id).Verdict);
    }

    [Fact]
    public void ResultsPerName_AreRemembered_AndTheSameOnEveryThread()
    {
        var screening = new PartyScreening(Shipped.Lists, Shipped.Thresholds);
        var first = screening.Screen("Sugon Information Industry Co., Ltd.", "CN");
        Assert.Same(first, screening.Screen("Sugon Information Industry Co., Ltd.", "CN"));
        var names = Enumerable.Range(0, 2000).Select(i => i % 4 == 0 ? "Hua Wei Technologies" : $"Buyer {i % 50} Technology Co., Ltd.").ToArray();
        var serial = names.Select(n => string.Join("|", new PartyScreening(Shipped.Lists, Shipped.Thresholds).Screen(n, "CN").Select(c => $"{c.Entry.Id}:{c.Score}"))).ToArray();
        var parallel = new string[names.Length];
        Parallel.For(0, names.Length, i => parallel[i] = string.Join("|", screening.Screen(names[i], "CN").Select(c => $"{c.Entry.Id}:{c.Score}")));
        Assert.Equal(serial, parallel);
    }

    /// <summary>The index only narrows down which listed names are compared: every labelled pair of companies or organizations
    /// whose names score at least
    /// the review threshold is found when the second name is listed, with the score the two names get compared directly
    /// (series numbers and misspelt legal forms, which the score leaves out, included).</summary>
    [Fact]
    public void TheIndex_FindsEveryNameThatScoresAtLeastAReview()
    {
        var pairs = ListTable.Read(Path.Combine(Repo.Data, "matching", "name-bench-cases.csv"), "name-bench-cases.csv", ',', hasHeader: true, out _)
            .Where(r => r.Fields[1] is "Company" or "Organization").Select(r => (First: r.Fields[2], Second: r.Fields[3])).ToList();
        var listed = pairs.Select(p => p.Second).Distinct(StringComparer.Ordinal).ToList();
        var entries = listed.Select((name, i) => new ListEntry { List = ListCodes.EntityList, Id = $"e{i}", Name = name }).ToList();
        var screening = new PartyScreening(new PartyListSet(entries, [], []), PartyThresholds.Default);
        var compared = 0;
        foreach (var (first, second) in pairs)
        {
            var direct = screening.Compare(first, second);
            if (direct.Score < PartyThresholds.Default.Review)
                continue;
            compared++;
            var id = $"e{listed.IndexOf(second)}";
            var found = screening.Search(first, "", limit: int.MaxValue, minimum: PartyThresholds.Default.Review).SingleOrDefault(c => c.Entry.Id == id);
            Assert.True(found is not null, $"'{first}' does not find '{second}' ({direct.Score}: {direct.Explanation})");
            Assert.Equal(direct.Score, found.Score);
        }
        Assert.True(compared > 150, $"{compared} pairs");
        Assert.Contains(pairs, p => p.First == "Bain Capital Fund X L.P." && screening.Compare(p.First, p.Second).Explanation.Contains("one series"));
        Assert.Contains(pairs, p => p.First == "Siemens AG" && screening.Compare(p.First, p.Second).Explanation.Contains("read as the legal form"));
    }

    /// <summary>A list many names resemble must not fill the memory: past the limit, candidates are worked out again, and
    /// are the same.</summary>
    [Fact]
    public void RememberedCandidates_StayWithinTheLimit_AndPastItTheResultsAreTheSame()
    {
        var limited = new PartyScreening(Shipped.Lists, Shipped.Thresholds, candidateLimit: 10);
        // Distinct names (each remembered on its own) that normalize alike: the punctuation differs.
        var names = Enumerable.Range(1, 100).Select(i => (i % 2 == 0 ? "Hua Wei Technologies" : "Huawei Device Co") + new string(',', i)).ToArray();
        string[] countries = ["CN", "HK", "DE", "", "SG"];
        foreach (var round in new[] { 1, 2 })
        {
            foreach (var name in names)
            {
                foreach (var country in countries)
                {
                    var expected = new PartyScreening(Shipped.Lists, Shipped.Thresholds).Screen(name, country);
                    var actual = limited.Screen(name, country);
                    Assert.NotEmpty(actual);
                    Assert.Equal(expected.Select(c => (c.Entry.Id, c.Score, c.Explanation)), actual.Select(c => (c.Entry.Id, c.Score, c.Explanation)));
                }
            }
        }
        Assert.InRange(limited.Cached.Hits, 1, 10);
        Assert.InRange(limited.Cached.Candidates, 1, 10);
    }

    [Fact]
    public void Search_ListsTheBestCandidatesEvenBelowTheReviewThreshold()
    {
        var found = Shipped.Search("Huawei Tech Investment", "CN", limit: 3);
        Assert.Equal(3, found.Count);
        Assert.True(found[0].Score >= found[1].Score && found[1].Score >= found[2].Score);
        Assert.All(found, c => Assert.Contains("huawei", c.Explanation));
    }

    [Fact]
    public void Thresholds_OutOfOrder_AreRefused()
    {
        Assert.NotNull(new PartyThresholds(70, 80).Problem());
        Assert.Null(new PartyThresholds(88, 75).Problem());
        Assert.Throws<ArgumentException>(() => new PartyScreening(PartyListSet.Empty, new PartyThresholds(50, 50)));
        Assert.Equal(Verdicts.Match, PartyThresholds.Default.Verdict(88));
        Assert.Equal(Verdicts.Review, PartyThresholds.Default.Verdict(75));
        Assert.Equal(Verdicts.NoMatch, PartyThresholds.Default.Verdict(74));
    }
}
