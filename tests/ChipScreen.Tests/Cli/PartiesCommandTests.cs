using ChipScreen.Rules;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Cli;

public class PartiesCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => ScreenCommandTests.Run(args);

    private static string List(string file) => Path.Combine(Repo.Data, "lists", file);

    [Fact]
    public void Compare_WritesNameScoreAndVerdictPerPair_IgnoringOtherColumns()
    {
        using var dir = new TempDir();
        var pairs = dir.Write("pairs.csv", "id,name1,name2,note\n1,Zhi Pu AI,Zhipu AI,x\n2,\"Huawei Technologies Co., Ltd.\",Technology Co. Ltd.,y\n3,Moore Threads Shanghai,Moore Threads Intelligent Technology (Beijing),z\n");
        var (code, output, _) = Run("parties", "compare", pairs, "--rules", Repo.Rules);
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("name1,name2,score,verdict", lines[0]);
        Assert.Equal("Zhi Pu AI,Zhipu AI,100,match", lines[1]);
        Assert.EndsWith(",no-match", lines[2]);
        Assert.StartsWith("\"Huawei Technologies Co., Ltd.\",Technology Co. Ltd.,", lines[2]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void Compare_WithoutNameColumns_Exits2() 
    {
        using var dir = new TempDir();
        var (code, _, err) = Run("parties", "compare", dir.Write("pairs.csv", "a,b\nx,y\n"), "--rules", Repo.Rules);
        Assert.Equal(2, code);
        Assert.Contains("name1 and name2", err);
    }

    [Fact]
    public void Search_ListsCandidatesWithScoresReasonsAndTheEntryHash()
    {
        var (code, output, _) = Run("parties", "search", "Hua Wei Technologies", "--country", "China", "--rules", Repo.Rules, "--limit", "2");
        Assert.Equal(0, code);
        Assert.Contains("'Hua Wei Technologies' in CN", output);
        Assert.Contains("100  match     entity_list  el-huawei-technologies  Huawei Technologies Co., Ltd.", output);
        Assert.Contains("why: ", output);
        Assert.Contains("(joined)", output);
        Assert.Contains("entry hash ", output);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void Search_WithALimitBelowOne_Exits2(string limit)
    {
        var (code, output, err) = Run("parties", "search", "Huawei", "--rules", Repo.Rules, "--limit", limit);
        Assert.Equal(2, code);
        Assert.Contains($"--limit {limit}: show at least 1 candidate", err);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("2.5")]
    [InlineData("1e3")]
    public void Search_WithALimitThatIsNoWholeNumber_Exits2NamingIt(string limit)
    {
        var (code, output, err) = Run("parties", "search", "Huawei", "--rules", Repo.Rules, "--limit", limit);
        Assert.Equal(2, code);
        Assert.Contains($"--limit {limit} is not a whole number", err);
        Assert.DoesNotContain("Exception", err);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Search_ForNoName_Exits2(string name)
    {
        var (code, output, err) = Run("parties", "search", name, "--rules", Repo.Rules);
        Assert.Equal(2, code);
        Assert.Contains("give a name to search for", err);
        Assert.Empty(output);
    }

    [Fact]
    public void Search_WithAListFile_SearchesItToo()
    {
        var (code, output, _) = Run("parties", "search", "Atlas Sanatgaran", "--rules", Repo.Rules, "--list", List("csl-sample-2025.csv"), "--limit", "1");
        Assert.Equal(0, code);
        Assert.Contains("unverified", output);
    }

    [Fact]
    public void Search_UnknownCountry_Exits2() =>
        Assert.Equal(2, Run("parties", "search", "Huawei", "--country", "Atlantis", "--rules", Repo.Rules).Code);

    [Fact]
    public void Screen_WithLists_ScreensAgainstThemAndRecordsTheirHashes()
    {
        using var dir = new TempDir();
        var orders = dir.Write("orders.csv", "order_id,sku,quantity,destination_country,end_user\nSO-1,L4-24GB,1,Armenia,Atlas Sanatgaran\nSO-2,L4-24GB,1,US,AL KAYALI CORPORATION\n");
        var (code, output, err) = Run("screen", orders, "--rules", Repo.Rules, "--as-of", "2025-06-01", "--out", dir.File("out"),
            "--list", List("csl-sample-2025.csv"), "--list", List("bis-dpl-2019.tsv"));
        Assert.True(code == 0, err);
        Assert.Contains($"party lists: the pack's own and {List("bis-dpl-2019.tsv")}, {List("csl-sample-2025.csv")}\n", output.ReplaceLineEndings("\n"));
        var decisions = File.ReadAllLines(dir.File("out/decisions.csv"));
        Assert.StartsWith("SO-1,1,HOLD,", decisions[1]);
        Assert.Contains("P4", decisions[1]);
        Assert.StartsWith("SO-2,1,PROHIBITED,", decisions[2]);
        Assert.Contains("P1", decisions[2]);
        var report = File.ReadAllText(dir.File("out/report.json"));
        Assert.Contains("csl-sample-2025.csv", report);
        Assert.Contains("lists/entity-list-ai-chips.json", report);
        // report.html's provenance names each list given, with its hash, as report.json does.
        var html = File.ReadAllText(dir.File("out/report.html"));
        foreach (var list in new[] { "csl-sample-2025.csv", "bis-dpl-2019.tsv" })
            Assert.Contains($"<div>{System.Net.WebUtility.HtmlEncode(List(list))}<br><code>sha256 {PackFile.Sha256Of(List(list))}</code></div>", html);
    }

    [Fact]
    public void Screen_WithAMalformedList_Exits2NamingFileAndRow_AndWritesNothing()
    {
        using var dir = new TempDir();
        var lines = File.ReadAllLines(List("csl-sample-2025.csv"));
        lines[5] = string.Join(',', lines[5].Split(',').Take(10));
        var list = dir.Write("consolidated.csv", string.Join('\n', lines) + "\n");
        var (code, _, err) = Run("screen", Path.Combine(Repo.Samples, "distributor-q3-2025.csv"), "--rules", Repo.Rules, "--out", dir.File("out"), "--list", list);
        Assert.Equal(2, code);
        Assert.Contains($"{list}: row 5", err);
        Assert.DoesNotContain("   at ", err);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public void Screen_WithAnEmptyList_Exits2()
    {
        using var dir = new TempDir();
        var list = dir.Write("deny.json", "{ \"entries\": [] }");
        var (code, _, err) = Run("screen", Path.Combine(Repo.Samples, "distributor-q3-2025.csv"), "--rules", Repo.Rules, "--out", dir.File("out"), "--list", list);
        Assert.Equal(2, code);
        Assert.Contains("deny.json", err);
        Assert.Contains("empty", err);
    }

    [Fact]
    public void Screen_WithAMissingList_Exits2() =>
        Assert.Equal(2, Run("screen", Path.Combine(Repo.Samples, "distributor-q3-2025.csv"), "--rules", Repo.Rules, "--list", "no-such-list.csv").Code);
}
