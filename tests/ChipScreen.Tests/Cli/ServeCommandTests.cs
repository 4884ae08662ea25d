using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Cli;

public class ServeCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = ChipScreen.Cli.Cli.RunAsync(args, stdout, stderr).GetAwaiter().GetResult();
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void BadSettings_Exit2_ListingEveryFailureOfBothSections()
    {
        using var dir = new TempDir();
        var config = dir.Write("chipscreen.json", """
            { "ChipScreen": { "DegreeOfParallelism": 99 },
              "ChipScreenServer": { "MaxConcurrentBatches": 0, "ApiKeys": [ { "Name": "erp", "Sha256": "secret" } ] } }
            """);
        var (code, _, err) = Run("serve", "--rules", Repo.Rules, "--config", config, "--urls", "http://127.0.0.1:0");
        Assert.Equal(2, code);
        Assert.Contains("ChipScreen:DegreeOfParallelism is 99", err);
        Assert.Contains("ChipScreenServer:ApiKeys:0:Sha256 is not a SHA-256", err);
        Assert.Contains("ChipScreenServer:MaxConcurrentBatches is 0", err);
    }

    [Fact]
    public void ABrokenPack_Exits2NamingTheFile()
    {
        using var rules = TempDir.WithRules();
        rules.Edit("ai-diffusion-2025/workflows/decision-table.json", "line.Volume.ConsigneeYearFits\"", "line.Volume.ConsigneeYearFitz\"");
        var config = rules.Write("chipscreen.json", $$"""{ "ChipScreenServer": { "ApiKeys": [ { "Name": "erp", "Sha256": "{{LoopbackServer.Sha256("k")}}" } ] } }""");
        var (code, _, err) = Run("serve", "--rules", rules.Rules, "--pack", "ai-diffusion-2025", "--config", config, "--urls", "http://127.0.0.1:0");
        Assert.Equal(2, code);
        Assert.Contains("ai-diffusion-2025/workflows/decision-table.json:", err);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public void AnUnusableLedger_Exits2NamingIt_BeforeServing()
    {
        using var dir = new TempDir();
        var config = dir.Write("chipscreen.json", $$"""{ "ChipScreenServer": { "ApiKeys": [ { "Name": "erp", "Sha256": "{{LoopbackServer.Sha256("k")}}" } ] } }""");
        var (code, output, err) = Run("serve", "--rules", Repo.Rules, "--pack", "ai-diffusion-2025", "--ledger", "Host=db;Pasword=typo", "--config", config, "--urls", "http://127.0.0.1:0");
        Assert.Equal(2, code);
        Assert.Contains("ChipScreen:Ledger: Location: ", err);
        Assert.DoesNotContain("serving", output);
    }

    [Fact]
    public void APackArgumentThatIsNotAPackId_IsNamedAsTheOption_BeforeServing()
    {
        using var dir = new TempDir();
        var config = dir.Write("chipscreen.json", $$"""{ "ChipScreenServer": { "ApiKeys": [ { "Name": "erp", "Sha256": "{{LoopbackServer.Sha256("k")}}" } ] } }""");
        var (code, output, err) = Run("serve", "--rules", Repo.Rules, "--pack", "", "--config", config, "--urls", "http://127.0.0.1:0");
        Assert.Equal(2, code);
        Assert.Contains("--pack '' is not a pack id", err);
        Assert.DoesNotContain("ChipScreen:PackId", err);
        Assert.DoesNotContain("serving", output);
    }
}
