using ChipScreen.Parties;

namespace ChipScreen.Tests.Parties;

public class NameComparerTests
{
    private static NameComparison Compare(string a, string b) =>
        NameComparer.Compare(NameNormalizer.Normalize(a), NameNormalizer.Normalize(b), TokenWeights.Plain, explain: true);

    [Theory]
    [InlineData("Huawei Technologies Co., Ltd.", "HUAWEI TECHNOLOGIES CO LTD")]
    [InlineData("Technologies Huawei", "Huawei Technologies Co., Ltd.")]
    [InlineData("Yangtze Memory Technologies", "Yangtze Memory Technologies Co., Ltd.")]
    public void SameWords_AreTheSameName(string a, string b) => Assert.Equal(100, Compare(a, b).Score);

    [Theory]
    [InlineData("SMIC", "Semiconductor Manufacturing International Corporation")]
    [InlineData("YMTC", "Yangtze Memory Technologies Co., Ltd.")]
    [InlineData("NUDT", "National University of Defense Technology")]
    [InlineData("CETC", "China Electronics Technology Group Corporation")]
    public void AnAcronym_StandsForTheWordsItSpells(string acronym, string name)
    {
        var c = Compare(acronym, name);
        Assert.True(c.Score >= 90, $"{acronym} ~ {name}: {c.Score} ({c.Explanation})");
        Assert.Contains("acronym", c.Explanation);
        Assert.True(Compare(name, acronym).Score <= NameComparer.WeakEvidenceCap); // a listed acronym does not expand
    }

    [Theory]
    [InlineData("CETC 54", "China Electronics Technology Group Corp. (CETC) 54th Research Institute")]
    [InlineData("CETC", "China Electronics Technology Group Corporation (CETC)")]
    [InlineData("AASPT", "Academy of Aerospace Solid Propulsion Technology (AASPT)")]
    public void AnAcronym_ThatTheListedNameAlsoGives_StandsForTheWordsItSpells(string acronym, string name)
    {
        // The listed name's own acronym in parentheses says its words again: it neither adds to nor takes from the score.
        var c = Compare(acronym, name);
        var without = Compare(acronym, name.Replace($" ({acronym.Split(' ')[0]})", "", StringComparison.Ordinal));
        Assert.Equal(without.Score, c.Score);
        Assert.True(c.Score >= PartyThresholds.Default.Review, $"{acronym} ~ {name}: {c.Score} ({c.Explanation})");
        Assert.Contains("acronym", c.Explanation);
    }

    [Fact]
    public void ACompoundWord_GivesTheInitialsOfItsParts_ToAnAcronym()
    {
        // NSCC: National SuperComputing Center; the place then tells the centers apart.
        var tianjin = Compare("NSCC Tianjin", "National Supercomputing Center Tianjin");
        var changsha = Compare("NSCC Tianjin", "National Supercomputing Center Changsha");
        Assert.True(tianjin.Score >= PartyThresholds.Default.Match, $"{tianjin.Score} ({tianjin.Explanation})");
        Assert.Contains("acronym nscc = 'national supercomputing center'", tianjin.Explanation);
        Assert.True(changsha.Score < PartyThresholds.Default.Match, $"{changsha.Score} ({changsha.Explanation})");
        Assert.True(Compare("NSCC Changsha", "National Supercomputing Center Changsha").Score >= PartyThresholds.Default.Match);
    }

    [Theory]
    [InlineData("Joze Gutierrez Reyes", "GUTIERREZ REYES, Jose")]
    [InlineData("Abed Hammadou", "HAMMADOU, Abid")]
    [InlineData("Aly Atwa", "ATWA, Ali")]
    [InlineData("Umar Uthman Mahmoud", "UTHMAN, Omar Mahmoud")]
    [InlineData("Ivan Petrov", "Iwan Petrov")]
    public void AnIndividualsShortWord_OneLetterApart_IsAReview_ACompanysIsNot(string query, string listed)
    {
        var asPerson = NameComparer.Compare(NameNormalizer.Normalize(query), NameNormalizer.Normalize(listed), TokenWeights.Plain, explain: true, person: true);
        Assert.Equal(NameComparer.DifferenceCap, asPerson.Score);
        Assert.Contains("one letter apart", asPerson.Explanation);
        Assert.True(Compare(query, listed).Score < PartyThresholds.Default.Review, Compare(query, listed).Explanation);
    }

    [Theory]
    [InlineData("jose", "joze", true)]
    [InlineData("aly", "ali", true)]
    [InlineData("umar", "omar", true)] // the first letter, both vowels
    [InlineData("mark", "mary", true)] // two names: a review, never a match
    [InlineData("bmar", "omar", false)] // the first letter, not both vowels
    [InlineData("meta", "beta", false)]
    [InlineData("jose", "josef", false)] // other lengths are Jaro-Winkler's
    [InlineData("al", "el", false)]
    [InlineData("abcde", "abcdf", false)]
    [InlineData("jose", "jose", false)]
    [InlineData("jo5e", "jo6e", false)]
    [InlineData("joze", "jsoe", false)] // two letters
    public void ANearPair_IsThreeOrFourLettersOneApart(string x, string y, bool near) =>
        Assert.Equal(near, NameComparer.IsNearPair(x, y));

    [Fact]
    public void ANameThatAlignsWithoutANearPair_IsNotCappedByIt()
    {
        var c = NameComparer.Compare(NameNormalizer.Normalize("Omar Mahmoud Uthman"), NameNormalizer.Normalize("UTHMAN, Omar Mahmoud"), TokenWeights.Plain, explain: true, person: true);
        Assert.Equal(100, c.Score);
        Assert.DoesNotContain("one letter apart", c.Explanation);
    }

    [Fact]
    public void AThreeLetterAcronym_IsAtMostAPotentialMatch() =>
        Assert.Equal(NameComparer.DifferenceCap, Compare("JMI", "Jiangnan Memory Institute").Score);

    [Theory]
    [InlineData("Zhi Pu Hua Zhang Technology", "Zhipu Huazhang Technology")]
    [InlineData("Zhipu AI", "Zhi Pu AI")]
    [InlineData("Bi Ren Technology", "Biren Technology")]
    [InlineData("Shu Guang Information Industry", "Shuguang Information Industry")]
    [InlineData("PricewaterhouseCoopers LLP", "Pricewaterhouse Coopers LLP")]
    public void PinyinSyllables_MatchWithOrWithoutSpaces(string a, string b)
    {
        var c = Compare(a, b);
        Assert.True(c.Score >= 95, $"{a} ~ {b}: {c.Score} ({c.Explanation})");
    }

    [Theory]
    [InlineData("Faberlick", "FABERLIC EUROPE Sp. z o.o.")]
    [InlineData("Cristalord Limited", "CRYSTALORD LTD")]
    [InlineData("Wallmart Inc.", "Walmart Inc.")]
    public void A_Typo_StillMatches(string a, string b) => Assert.True(Compare(a, b).Score >= 75, Compare(a, b).Explanation);

    [Theory]
    [InlineData("Technology Co., Ltd.", "Huawei Technologies Co., Ltd.")]
    [InlineData("Beijing Technology Development Co., Ltd.", "Beijing Biren Technology Development Co., Ltd.")]
    [InlineData("Wang Information Industry Co., Ltd.", "Dawning Information Industry")]
    [InlineData("Moore Industries Inc.", "Moore Threads Intelligent Technology (Beijing) Co., Ltd.")]
    [InlineData("Shanghai IC Design", "Shanghai High-Performance Integrated Circuit Design Center")] // IC is integrated circuit, still generic
    public void GenericWordsOrASurnameAlone_NeverMatch(string a, string b)
    {
        var c = Compare(a, b);
        Assert.True(c.Score <= NameComparer.WeakEvidenceCap, $"{a} ~ {b}: {c.Score} ({c.Explanation})");
    }

    [Theory]
    [InlineData("Semiconductor Manufacturing International (Shanghai) Corporation", "Semiconductor Manufacturing International Corporation")]
    [InlineData("Semiconductor Manufacturing International Corp. Beijing", "Semiconductor Manufacturing International Corporation")]
    [InlineData("Shenzhen General Trading Co., Ltd.", "General Trading Company")]
    public void APlaceAdded_ToANameOfGenericWordsAlone_StillReachesAReview(string a, string b)
    {
        // The same generic name scores 100; a subsidiary or branch of the listed party, qualified by its place, is not a
        // name of generic words that merely resembles it.
        var c = Compare(a, b);
        Assert.True(c.Score >= PartyThresholds.Default.Review, $"{a} ~ {b}: {c.Score} ({c.Explanation})");
        Assert.DoesNotContain("only generic words", c.Explanation);
    }

    [Theory]
    [InlineData("Semiconductor Manufacturing International Acme Corporation", "Semiconductor Manufacturing International Corporation")] // a distinctive word added
    [InlineData("Semiconductor Manufacturing International Trading Corporation", "Semiconductor Manufacturing International Corporation")] // a generic word added
    [InlineData("Semiconductor Manufacturing International (Shanghai) Corporation", "Semiconductor Manufacturing International (Beijing) Corporation")] // places on both sides
    [InlineData("Bank of Shanghai", "Bank of China")]
    [InlineData("Research Institute of Electronics Technology", "Nanjing Research Institute of Electronics Technology")] // the listed name's place tells it apart
    [InlineData("Semiconductor Manufacturing International Corporation", "Semiconductor Manufacturing International (Tianjin) Co., Ltd.")]
    [InlineData("Shanghai Trading", "Trading")]
    public void AnotherWordAdded_ToANameOfGenericWordsAlone_OrAPlaceLeftOut_StillLeavesItWeak(string a, string b)
    {
        var c = Compare(a, b);
        Assert.True(c.Score <= NameComparer.WeakEvidenceCap, $"{a} ~ {b}: {c.Score} ({c.Explanation})");
    }

    [Fact]
    public void DifferentNumbers_AreAtMostAReview()
    {
        var c = Compare("Bowne Global Solutions, Inc.", "Bowne Global Solutions II, Inc.");
        Assert.True(c.Score < 88, $"{c.Score} ({c.Explanation})");
        Assert.Contains("only in the listed name: 2", c.Explanation);
        var institutes = Compare("China Electronics Technology Group Corporation 15th Research Institute", "China Electronics Technology Group Corporation 13th Research Institute");
        Assert.InRange(institutes.Score, NameComparer.WeakEvidenceCap + 1, NameComparer.DifferenceCap);
    }

    [Theory]
    [InlineData("Goldman Sachs Mortgage Loan Trust 2004-1", "Goldman Sachs Mortgage Loan Trust 2004-2", "1 / 2")]
    [InlineData("Blackstone Real Estate Partners V L.P.", "Blackstone Real Estate Partners VI L.P.", "v / 6")]
    [InlineData("KKR Asian Fund III L.P.", "KKR Asian Fund IV L.P.", "3 / 4")]
    [InlineData("Citigroup Capital Trust I", "Citigroup Capital Trust II", "i / 2")]
    public void FundsOrTrustsOfOneSeries_AreOneFamily(string a, string b, string numbers)
    {
        var c = Compare(a, b);
        Assert.Equal(NameComparer.SeriesCap, c.Score);
        Assert.Contains($"one series, numbered {numbers}", c.Explanation);
    }

    [Theory]
    [InlineData("Bain Capital Fund X L.P.", "Bain Energy Fund XI L.P.")] // another word differs too
    [InlineData("Bowne Global Solutions II (Sweden) AB", "Bowne Global Solutions III (Sweden) AB")] // not a fund or trust
    public void OnlyFundsOrTrustsDifferingByTheirNumberAlone_AreOneSeries(string a, string b)
    {
        var c = Compare(a, b);
        Assert.True(c.Score <= NameComparer.DifferenceCap, $"{c.Score} ({c.Explanation})");
        Assert.DoesNotContain("one series", c.Explanation);
    }

    [Theory]
    [InlineData("Deutsche Bank AG", "Deutsche Bank GmbH")]
    [InlineData("Rostec JSC", "Rostec OOO")]
    [InlineData("Mendez S.A.", "Mendez S.A.R.L.")]
    public void LegalFormsOfDifferentKinds_AreAtMostAReview(string a, string b)
    {
        var c = Compare(a, b);
        Assert.Equal(NameComparer.DifferenceCap, c.Score);
        Assert.Contains("legal forms of different kinds", c.Explanation);
    }

    [Theory]
    [InlineData("Siemens AkG", "Siemens AG")]
    [InlineData("Siemens AG", "Siemens AkG")]
    [InlineData("Sugon Information Industry Lts", "Sugon Information Industry Ltd")]
    public void AShortLastWord_OneLetterFromTheOtherNamesLegalForm_IsThatLegalForm(string a, string b)
    {
        var c = Compare(a, b);
        Assert.Equal(100, c.Score);
        Assert.Contains("read as the legal form", c.Explanation);
        // Without that legal form on the other side, the word is a word.
        Assert.True(Compare(a.Split(' ')[0] + " Hkg", b.Split(' ')[0]).Score < 75);
    }

    [Fact]
    public void UnitedStates_IsUS() =>
        Assert.Equal(100, Compare("U.S. Department of State", "United States Department of State").Score);

    [Fact]
    public void DifferentPlaces_AreAtMostAReview()
    {
        var c = Compare("Bowne Global Solutions (Sweden) AB", "Bowne Global Solutions (Finland) AB");
        Assert.Equal(NameComparer.DifferenceCap, c.Score);
        Assert.Contains("places differ", c.Explanation);
    }

    [Fact]
    public void TheExplanation_SaysWhatMatchedAndWhatDidNot()
    {
        var c = Compare("Zhi Pu Technology Co Ltd", "Beijing Zhipu Huazhang Technology Co., Ltd.");
        Assert.Contains("zhi pu = 'zhipu' (joined)", c.Explanation);
        Assert.Contains("only in the listed name: beijing huazhang", c.Explanation);
        Assert.Contains("ignored co, ltd", c.Explanation);
    }

    [Fact]
    public void Scores_AreSymmetricForPlainWeights()
    {
        string[] names = ["Huawei Device Co., Ltd.", "Hua Wei Device", "Sugon Information Industry", "Dawning Information Industry Co", "SMIC Beijing"];
        foreach (var a in names)
            foreach (var b in names)
                Assert.Equal(Compare(a, b).Score, Compare(b, a).Score);
    }
}
