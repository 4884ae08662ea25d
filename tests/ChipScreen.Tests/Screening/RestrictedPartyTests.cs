using ChipScreen.Parties;
using ChipScreen.Rules;
using ChipScreen.Screening;
using ChipScreen.Tests.Support;
using static ChipScreen.Tests.Support.Screen;

namespace ChipScreen.Tests.Screening;

/// <summary>Rules P1 to P6: a line whose end user or consignee is a listed party gets that party's decision, under the
/// spellings orders use; everybody else stays as the decision table leaves them.</summary>
public class RestrictedPartyTests
{
    private static readonly Lazy<RulePack> s_withLists = new(() => Pack.WithPartyLists(PartyListReader.Read(
        new[] { "csl-sample-2025.csv", "csl-sample-2019.csv", "bis-dpl-2019.tsv" }.Select(f => Path.Combine(Repo.Data, "lists", f)))));

    /// <summary>A chip outside 3A090 to the end user's country: without a party rule the line is NLR (rule N1).</summary>
    private static LineDecision ToEndUser(string endUser, string country = "CN", RulePack? pack = null) =>
        Batch(pack ?? Pack, Line(country, tpp: 1000, die: 500, endUser: endUser))[0];

    private static void Decided(LineDecision d, Decision decision, string rule, string entryId)
    {
        Assert.True(decision == d.Decision, $"expected {decision}, got {d.Decision}: {d.Message}");
        Assert.Contains(rule, d.RuleIds.Split(';'));
        Assert.Contains(entryId, d.Message);
        Assert.Contains(d.Facts.PartyMatches, m => m.EntryId.StartsWith(entryId, StringComparison.Ordinal) && m.Verdict == Verdicts.Match);
    }

    public static TheoryData<string, string, string> Cases(params (string Name, string Entry)[] cases)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (name, entry) in cases)
            data.Add(name, entry, entry == "el-smic" ? "P3" : "P2");
        return data;
    }

    public static TheoryData<string, string, string> CaseVariants() => Cases(
        ("HUAWEI TECHNOLOGIES CO., LTD.", "el-huawei-technologies"), ("sugon", "el-sugon"),
        ("semiconductor manufacturing international corporation", "el-smic"), ("yangtze memory technologies co., ltd.", "el-ymtc"));

    public static TheoryData<string, string, string> PunctuationVariants() => Cases(
        ("Huawei Technologies Co Ltd", "el-huawei-technologies"), ("Yangtze-Memory Technologies, Co.", "el-ymtc"),
        ("Semiconductor Manufacturing International Corp", "el-smic"), ("Moore Threads Intelligent Technology Beijing Co Ltd", "el-moore-threads-beijing"));

    public static TheoryData<string, string, string> SuffixDropped() => Cases(
        ("Huawei Technologies", "el-huawei-technologies"), ("Yangtze Memory Technologies", "el-ymtc"),
        ("Cambricon Technologies", "el-cambricon"), ("Beijing Zhipu Huazhang Technology", "el-zhipu"));

    public static TheoryData<string, string, string> SuffixAdded() => Cases(
        ("Sugon Co., Ltd.", "el-sugon"), ("Higon Information Technology Co., Ltd.", "el-higon"),
        ("Sunway Microelectronics Co., Ltd.", "el-sunway"), ("Semiconductor Manufacturing International Corporation Limited", "el-smic"));

    public static TheoryData<string, string, string> WordOrder() => Cases(
        ("Technologies Huawei Co., Ltd.", "el-huawei-technologies"), ("Memory Technologies Yangtze Co.", "el-ymtc"),
        ("Biren Beijing Technology Development Co., Ltd.", "el-biren-beijing"), ("Manufacturing International Semiconductor Corporation", "el-smic"));

    public static TheoryData<string, string, string> Aliases() => Cases(
        ("Dawning Information Industry", "el-sugon"), ("Hygon", "el-chengdu-haiguang-ic"), ("Hunan Guofang Keji University", "el-nudt"),
        ("Zhipu AI", "el-zhipu"), ("Nanjing Research Institute of Electronics Technology", "el-cetc-14"));

    public static TheoryData<string, string, string> Acronyms() => Cases(("YMTC", "el-ymtc"), ("SMIC", "el-smic"), ("NUDT", "el-nudt"), ("JICT", "el-wuxi-jiangnan"));

    public static TheoryData<string, string, string> LookAlikeLetters() => Cases(
        ("S\u041CIC", "el-smic"), ("\u041Du\u0430w\u0435i Technologies Co., Ltd.", "el-huawei-technologies"),
        ("\u0405ugon", "el-sugon"), ("Y\u039CTC", "el-ymtc"));

    public static TheoryData<string, string, string> PinyinSpacing() => Cases(
        ("Zhi Pu Hua Zhang Technology Co., Ltd.", "el-zhipu"), ("Bi Ren Technology Development Co Ltd Beijing", "el-biren-beijing"),
        ("Zhong Ke Shu Guang", "el-sugon"), ("Hua Wei Technologies", "el-huawei-technologies"), ("Chengdu Hai Guang Integrated Circuit", "el-chengdu-haiguang-ic"));

    [Theory, MemberData(nameof(LookAlikeLetters))]
    public void ANameWithCyrillicOrGreekLookAlikes_GetsThePartysDecision(string name, string entry, string rule) => Check(name, entry, rule);

    [Theory, MemberData(nameof(CaseVariants))]
    public void CaseVariant_GetsThePartysDecision(string name, string entry, string rule) => Check(name, entry, rule);

    [Theory, MemberData(nameof(PunctuationVariants))]
    public void PunctuationVariant_GetsThePartysDecision(string name, string entry, string rule) => Check(name, entry, rule);

    [Theory, MemberData(nameof(SuffixDropped))]
    public void LegalSuffixDropped_GetsThePartysDecision(string name, string entry, string rule) => Check(name, entry, rule);

    [Theory, MemberData(nameof(SuffixAdded))]
    public void LegalSuffixAdded_GetsThePartysDecision(string name, string entry, string rule) => Check(name, entry, rule);

    [Theory, MemberData(nameof(WordOrder))]
    public void WordOrderChanged_GetsThePartysDecision(string name, string entry, string rule) => Check(name, entry, rule);

    [Theory, MemberData(nameof(Aliases))]
    public void Alias_GetsThePartysDecision(string name, string entry, string rule) => Check(name, entry, rule);

    [Theory, MemberData(nameof(Acronyms))]
    public void Acronym_GetsThePartysDecision(string name, string entry, string rule) => Check(name, entry, rule);

    [Theory, MemberData(nameof(PinyinSpacing))]
    public void PinyinWithOrWithoutSpaces_GetsThePartysDecision(string name, string entry, string rule) => Check(name, entry, rule);

    [Theory]
    [InlineData("华为技术有限公司", "el-huawei-technologies")]
    [InlineData("北京智谱华章科技有限公司", "el-zhipu")]
    public void ChineseCharacters_GetThePartysDecision(string name, string entry) => Check(name, entry, "P2");

    private static void Check(string name, string entry, string rule) =>
        Decided(ToEndUser(name), rule == "P3" ? Decision.LicenseRequired : Decision.Prohibited, rule, entry);

    [Fact]
    public void EntityListMatch_WithDenialPolicy_IsProhibited_AndTheMessageShowsListEntryNameAndScore()
    {
        var d = ToEndUser("Hua Wei Technologies Co");
        Decided(d, Decision.Prohibited, "P2", "el-huawei-technologies");
        var reason = d.Reasons.Single(r => r.RuleId == "P2");
        Assert.Equal("15 CFR 744.11 and Supplement No. 4 to Part 744 (Entity List)", reason.Citation);
        Assert.Contains("end user 'Hua Wei Technologies Co' matches Entity List entry el-huawei-technologies 'Huawei Technologies Co., Ltd.'", reason.Message);
        Assert.Contains("score 100", reason.Message);
        Assert.Contains("84 FR 22961", reason.Message);
        var match = d.Facts.PartyMatches.Single(m => m.EntryId == "el-huawei-technologies");
        Assert.Equal((PartyRoles.EndUser, ListCodes.EntityList, "Huawei Technologies Co., Ltd.", 100), (match.Role, match.List, match.MatchedName, match.Score));
        Assert.Contains("(joined)", match.Explanation);
    }

    [Fact]
    public void EntityListMatch_WithCaseByCasePolicy_RequiresALicense() =>
        Decided(ToEndUser("SMIC"), Decision.LicenseRequired, "P3", "el-smic");

    [Fact]
    public void PartyRules_AddToTheDecisionTable_TheMostSevereWins()
    {
        var d = Batch(Line("CN", endUser: "Huawei Technologies Co., Ltd."))[0]; // datacenter .a to Tier 3: A1 too
        Assert.Equal(Decision.Prohibited, d.Decision);
        Assert.Equal("A1;P2", d.RuleIds);
        var licensed = Batch(Line("DE", endUser: "SMIC", endUserCountry: "DE"))[0]; // AIA to Germany, but a listed party
        Assert.Equal(Decision.LicenseRequired, licensed.Decision);
        Assert.Contains("P3", licensed.RuleIds.Split(';'));
    }

    [Fact]
    public void AnEndUserHeadquarteredWhereTheEntryIsListed_IsScreenedAsBeingThere()
    {
        // "Sunway" shipping to Singapore: 73 there, held for review at the review line; headquartered in China, its
        // listed country, it matches (88) and is prohibited.
        var elsewhere = Batch(Line("SG", tpp: 1000, die: 500, endUser: "Sunway"))[0];
        Assert.Equal(Decision.Hold, elsewhere.Decision);
        var headquartered = Batch(Line("SG", tpp: 1000, die: 500, endUser: "Sunway", hq: "CN"))[0];
        Decided(headquartered, Decision.Prohibited, "P2", "el-sunway");
        Assert.Contains("country CN agrees", headquartered.Facts.PartyMatches.Single(m => m.EntryId == "el-sunway").Explanation);
    }

    [Theory]
    [InlineData("Huawei Technologies Co Ltd / Acme GmbH")]
    [InlineData("Acme GmbH c/o Huawei Technologies Co., Ltd.")]
    [InlineData("Acme GmbH; Huawei Technologies Co Ltd")]
    public void AListedPartyNamedBesideAnotherInOneField_IsFound(string consignee)
    {
        var d = Batch(Line("DE", tpp: 1000, die: 500, endUser: "Nordlicht Rechenzentrum GmbH", consignee: consignee))[0];
        Decided(d, Decision.Prohibited, "P2", "el-huawei-technologies");
        Assert.Contains("part 'Huawei Technologies Co", d.Facts.PartyMatches.First(m => m.EntryId == "el-huawei-technologies").Explanation);
    }

    [Theory]
    [InlineData("Novo Nordisk A/S", null)] // a legal form with a slash: no part of three letters beside the name
    [InlineData("Acme GmbH", null)]
    [InlineData("Acme GmbH / Beta Ltd", new[] { "Acme GmbH", "Beta Ltd" })]
    public void APartyFieldIsSplitOnlyWhereItNamesSeveral(string text, string[]? parts) =>
        Assert.Equal(parts, ChipScreen.Parties.PartyScreening.Parts(text));

    [Fact]
    public void ListedConsignee_GetsItsDecisionToo()
    {
        var d = Batch(Line("DE", tpp: 1000, die: 500, endUser: "Nordlicht Rechenzentrum GmbH", consignee: "Hua Wei Device Co"))[0];
        Decided(d, Decision.Prohibited, "P2", "el-huawei-device");
        Assert.Contains("consignee 'Hua Wei Device Co' matches", d.Message);
        Assert.All(d.Facts.PartyMatches, m => Assert.Equal(PartyRoles.Consignee, m.Role));
    }

    [Theory]
    [InlineData("YMTC", "el-ymtc", Decision.Prohibited)]                                  // acronym
    [InlineData("Zhi Pu AI", "el-zhipu", Decision.Prohibited)]                            // alias, pinyin spacing
    [InlineData("semiconductor manufacturing intl corp.", "el-smic", Decision.LicenseRequired)] // case, abbreviation
    [InlineData("Technologies Huawei Ltd", "el-huawei-technologies", Decision.Prohibited)] // word order, suffix
    public void ConsigneeVariant_GetsThePartysDecision(string consignee, string entry, Decision decision)
    {
        var d = Batch(Line("CN", tpp: 1000, die: 500, endUser: "Pearl River Rendering Co., Ltd.", consignee: consignee))[0];
        Decided(d, decision, decision == Decision.Prohibited ? "P2" : "P3", entry);
        Assert.All(d.Facts.PartyMatches, m => Assert.Equal(PartyRoles.Consignee, m.Role));
    }

    [Fact]
    public void DeniedPerson_IsProhibited() =>
        Decided(ToEndUser("Al Kayali Corp.", "US", s_withLists.Value), Decision.Prohibited, "P1", "dpl-");

    [Fact]
    public void SdnEntity_IsProhibited() =>
        Decided(ToEndUser("200G PSA Holdings, LLC", "US", s_withLists.Value), Decision.Prohibited, "P1", "20264");

    [Fact]
    public void UnverifiedListParty_IsHeld()
    {
        var d = ToEndUser("Atlas Sanatgaran", "AM", s_withLists.Value);
        Decided(d, Decision.Hold, "P4", "1b5979e8fd3920a1a0985bf5088dad930a6a5562d1513f9e4b015e42");
        Assert.Equal("15 CFR 744.15 (Unverified List)", d.Reasons.Single(r => r.RuleId == "P4").Citation);
    }

    [Fact]
    public void MilitaryEndUserListParty_IsHeld() =>
        Decided(ToEndUser("Academy of Aerospace Solid Propulsion Technology", "CN", s_withLists.Value), Decision.Hold, "P5", "66f6ab3f26234b75a9093fce79ef0ce0");

    [Fact]
    public void EntityListEntryOfTheCsl_UsesItsPublishedPolicy() =>
        Decided(ToEndUser("Hebei Semiconductor Research Institute", "CN", s_withLists.Value), Decision.Prohibited, "P2", "99ed1b052fdb09695fae1ba87516d8a0882b0df04652e07aeb5ce7be");

    [Fact]
    public void InternalDenyList_IsProhibited()
    {
        using var dir = new TempDir();
        var list = dir.Write("deny.json", """{ "entries": [ { "id": "deny-7", "list": "internal_deny", "name": "Gulf Transit Electronics FZE", "countries": ["AE"] } ] }""");
        var pack = Pack.WithPartyLists(PartyListReader.Read([list]));
        Decided(ToEndUser("Gulf Transit Electronics FZE", "AE", pack), Decision.Prohibited, "P1", "deny-7");
    }

    [Fact]
    public void PotentialMatch_IsHeld_NamingTheCandidate()
    {
        var d = ToEndUser("Moore Threads Intelligent Technology (Shanghai) Co., Ltd.");
        Assert.Equal(Decision.Hold, d.Decision);
        Assert.Equal("P6", d.RuleIds);
        Assert.Contains("may be Entity List entry el-moore-threads-beijing 'Moore Threads Intelligent Technology (Beijing) Co., Ltd.'", d.Message);
        Assert.Equal(Verdicts.Review, d.Facts.PartyMatches.Single().Verdict);
    }

    [Fact]
    public void ReviewedDisposition_ClearsTheLine_AndTheDecisionStillListsTheCandidate()
    {
        var entry = Pack.Parties.Lists.Entries.Single(e => e.Id == "el-huawei-device");
        // The shop also resembles Huawei Technologies enough to need a review; the reviewer cleared both entries.
        var technologies = Pack.Parties.Lists.Entries.Single(e => e.Id == "el-huawei-technologies");
        using var dir = new TempDir();
        var file = dir.Write("dispositions.json", $$"""
            { "dispositions": [ { "name": "Huawei Device Company", "entry_id": "el-huawei-device", "entry_hash": "{{entry.ContentHash[..12]}}",
                                  "reviewer": "J. Doe", "date": "2025-10-01", "reason": "a phone repair shop in Lagos, checked by registry extract" },
                                { "name": "Huawei Device Company", "entry_id": "el-huawei-technologies", "entry_hash": "{{technologies.ContentHash[..12]}}",
                                  "reviewer": "J. Doe", "date": "2025-10-01", "reason": "a phone repair shop in Lagos, checked by registry extract" } ] }
            """);
        var pack = Pack.WithPartyLists(PartyListReader.Read([file]));
        var d = ToEndUser("Huawei Device Company", "NG", pack);
        Assert.Equal(Decision.Nlr, d.Decision);
        Assert.Equal("N1", d.RuleIds);
        var cleared = d.Facts.PartyMatches.Single(m => m.EntryId == "el-huawei-device");
        Assert.Equal(Verdicts.Cleared, cleared.Verdict);
        Assert.Contains("J. Doe", cleared.Explanation);
        Assert.Equal(Decision.Prohibited, ToEndUser("Huawei Device Company", "NG").Decision); // without the disposition
    }

    /// <summary>Legitimate companies that share only generic words (trades, places, "Group") or a common surname with a
    /// listed party.</summary>
    public static TheoryData<string> LegitimateCompanies() => new(
        "Technology Co., Ltd.", "Beijing Technology Development Co., Ltd.", "Shanghai Integrated Circuit Design Co., Ltd.",
        "Shenzhen Microelectronics Co., Ltd.", "Chengdu Information Technology Co., Ltd.", "Tianjin Advanced Technology Investment Co., Ltd.",
        "Wuxi Computing Technology Institute", "National Semiconductor Research Center", "China Electronics Trading Co., Ltd.",
        "Hebei Electronics Co., Ltd.", "Nanjing Electronic Devices Co., Ltd.", "Guangzhou Cloud Computing Co., Ltd.",
        "Shenzhen Intelligent Technology Co., Ltd.", "Memory Technologies Inc.", "Huang Technology Co., Ltd.", "Zhang Semiconductor Trading Co.",
        "Li & Wang Electronics Ltd.", "Chen Brothers Computing LLC", "Liu Information Industry Co., Ltd.", "Wang Precision Machinery Co., Ltd.",
        "Zhou Data Systems Inc.", "Kim Semiconductor Korea Co., Ltd.", "Moore Industries Inc.", "Moore Electronics Trading Ltd",
        "Smith Microelectronics Inc.", "Huang Intelligent Technology (Beijing) Co., Ltd.", "Group Inc.", "International Business Technologies Ltd",
        "Global Supercomputing Services Ltd", "Research Institute of Electronics Technology", "Semiconductor Manufacturing Services Inc.",
        "Information Technology Development Co., Ltd.", "East China Electronic Engineering Co.", "Advanced Micro Devices, Inc.",
        "Applied Materials, Inc.", "Micron Technology, Inc.", "Lenovo Group Limited", "Alibaba Cloud Computing Ltd.",
        "Tencent Cloud Computing (Beijing) Co., Ltd.", "Baidu Online Network Technology (Beijing) Co., Ltd.", "Beijing Volcano Engine Technology Co., Ltd.",
        "Xiaomi Communications Co., Ltd.", "Hua Hong Semiconductor Limited", "Huatai Securities Co., Ltd.", "Hualong Electronics Co., Ltd.",
        "Shenzhen Huaxing Technology Co., Ltd.", "Sunrise Microelectronics Co., Ltd.", "Phoenix Research Institute", "Pacific Electronics Trading Co., Ltd.",
        "Golden Dragon Technology Co., Ltd.", "Asia Pacific Data Center Ltd", "Shanghai Information Industry Group", "Wuhan Memory Devices Co., Ltd.",
        "Chengdu Integrated Circuit Design Co., Ltd.", "Chengdu Microelectronics Technology Co., Ltd.", "National Supercomputing Services Co., Ltd.",
        "Wang Brothers Information Technology Co., Ltd.", "Li Ming Research Institute", "Zhang Wei Trading Company", "Chen Intelligent Computing Center",
        "Liu Cloud Technology Group Co., Ltd.", "Hangzhou Integrated Circuit Co., Ltd.", "Suzhou Technology Development Co., Ltd.",
        "Beijing Intelligent Technology Co., Ltd.", "Shanghai Semiconductor Information Technology Co., Ltd.", "China Information Technology Co., Ltd.",
        "Defense Technology Consulting LLC", "National University of Singapore", "Johnson Electric Holdings Limited", "Taylor Devices Inc.",
        "Ali Trading Company", "Mohammed Electronics LLC");

    [Fact]
    public void LegitimateCompanies_AreAtLeastFifty() => Assert.True(LegitimateCompanies().Count >= 50);

    [Theory, MemberData(nameof(LegitimateCompanies))]
    public void LegitimateCompany_SharingOnlyGenericWordsOrASurname_StaysNlr(string name)
    {
        var d = ToEndUser(name, "CN", s_withLists.Value);
        Assert.True(d.Decision == Decision.Nlr, $"{name}: {d.Decision} {d.Message}");
        Assert.Empty(d.Facts.PartyMatches);
    }
}
