using System.Reflection;
using System.Text.Json;
using ChipScreen.Orders;
using ChipScreen.Parties;
using ChipScreen.Rules;
using ChipScreen.Screening;
using ChipScreen.Tests.Cli;
using ChipScreen.Tests.Support;
using static ChipScreen.Tests.Support.Screen;

namespace ChipScreen.Tests.Screening;

/// <summary>A rule does not fire on a value the line does not have: a line held for bad or missing data lists the data
/// rule and the rules that read only values the line has, never one that fired on a stand-in (a quantity of "abc" read as
/// 0). The decision is never less severe for it.</summary>
public class HeldReasonsTests
{
    private static string[] Ids(LineDecision d) => d.RuleIds.Split(';');

    /// <summary>Screens one order row (the samples' columns) with <c>chipscreen screen</c> as of 2025-08-15 into
    /// <paramref name="dir"/>/out; its decisions.csv row.</summary>
    private static string ScreenRow(TempDir dir, string order)
    {
        var header = File.ReadLines(Path.Combine(Repo.Samples, "distributor-q3-2025.csv")).First();
        var input = dir.Write("orders.csv", header + "\n" + order + "\n");
        var (code, _, err) = ScreenCommandTests.Run("screen", input, "--rules", Repo.Rules, "--as-of", "2025-08-15", "--out", dir.File("out"));
        Assert.True(code == 0, err);
        return File.ReadAllLines(dir.File("out/decisions.csv"))[1];
    }

    private static OrderLine WithIssue(OrderLine line, string field, string detail) =>
        line with { Issues = [new FieldIssue(IssueCodes.Invalid, field, detail)] };

    [Fact]
    public void AQuantityOfAbc_IsHeldForTheDataAlone_WithNoLppReasonOnAVolumeOfZero()
    {
        using var dir = new TempDir();
        var row = ScreenRow(dir, "SO-9,1,2025-08-01,H100-SXM5-80GB,,,,,abc,Mexico,Lake Compute SA de CV,,,,training");
        Assert.StartsWith("SO-9,1,HOLD,,3A090.a,2,MX,D1,", row, StringComparison.Ordinal);
        Assert.Contains("quantity 'abc' is not a positive whole number", row, StringComparison.Ordinal);
        Assert.DoesNotContain("A4", row, StringComparison.Ordinal);
        Assert.DoesNotContain("this line's 0", row, StringComparison.Ordinal);

        using var report = JsonDocument.Parse(File.ReadAllText(dir.File("out/report.json")));
        var byRule = FindProperty(report.RootElement, "by_rule");
        Assert.NotNull(byRule);
        Assert.Equal(["D1"], byRule.Value.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, byRule.Value.GetProperty("D1").GetInt32());
    }

    [Fact]
    public void ABadQuantity_ToAnEmbargoedShipTo_IsProhibited_ListingTheEmbargo_ButNotLpp()
    {
        // The end user is in India (Tier 2, in LPP's scope); the goods go to Iran. Neither country reads the quantity.
        var d = One(Line("IR", endUserCountry: "IN", quantity: 0));
        Assert.Equal(Decision.Prohibited, d.Decision);
        Assert.Contains("E1", Ids(d));
        Assert.Contains("D1", Ids(d));
        Assert.Contains("F1", Ids(d));
        Assert.DoesNotContain("A4", Ids(d));
        Assert.Contains("embargoed", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadQuantity_ForAnEntityListParty_IsProhibited_ListingTheParty_ButNotLpp()
    {
        var pack = Pack.WithPartyLists(PartyListReader.Read([Path.Combine(Repo.Data, "lists", "csl-sample-2025.csv")]));
        var d = Batch(pack, Line("IN", endUser: "Huawei Technologies Co., Ltd.", quantity: -3))[0];
        Assert.Equal(Decision.Prohibited, d.Decision);
        Assert.Equal(["D1", "P2"], Ids(d).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void APotentialPartyMatch_OnALineWithACountryItCannotRead_IsStillListed()
    {
        // A name is matched on the name; an unreadable country is no country (it neither adds nor takes points), so the
        // match rests on values the line has and the reviewer sees it beside the data issue.
        using var dir = new TempDir();
        var row = ScreenRow(dir, "SO-1,1,2025-08-01,H100-SXM5-80GB,,,,,10,Narnia,Huawei Tech Investment,,,,training");
        Assert.StartsWith("SO-1,1,HOLD,,3A090.a,,,D1;P6,", row, StringComparison.Ordinal);
        Assert.Contains("destination_country 'Narnia'", row, StringComparison.Ordinal);
        Assert.Contains("Huawei Tech Investment", row, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadShipDate_SetsAsideTheVolumeRules_ButNotThoseOfTheChipAndCountry()
    {
        // LPP counts volume in the ship date's year: not known, A4 does not fire. AIA to Tier 1 reads no date: it stands.
        var toIndia = One(Line("IN", shipDate: new DateOnly(1925, 6, 1)));
        Assert.Equal(Decision.Hold, toIndia.Decision);
        Assert.Equal(["D1"], Ids(toIndia));
        Assert.Contains("ship_date '1925-06-01' is before 2022-10-07", toIndia.Message, StringComparison.Ordinal);

        var toGermany = One(Line("DE", shipDate: new DateOnly(1925, 6, 1)));
        Assert.Equal(Decision.Hold, toGermany.Decision);
        Assert.Equal(["D1", "A2"], Ids(toGermany));
    }

    [Fact]
    public void ABadEndUse_SetsAsideTheEndUseRules_ButNotLppOnTheQuantityTheLineHas()
    {
        var d = One(WithIssue(Line("IN", endUse: "military training", quantity: 10), OrderColumns.EndUse, "'military training\uFFFD' has bytes that are not UTF-8"));
        Assert.Equal(Decision.Hold, d.Decision);
        Assert.Equal(["D1", "A4"], Ids(d));
        Assert.Contains("this line's 158,320 ", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownEndUserCountry_WithAnEmbargoedShipTo_StaysProhibited()
    {
        // E1 reads the destination, which is not known; it also reads the ship-to, and a rule more severe than the hold is
        // not set aside: no line is decided less severely for bad data.
        var d = One(Line("CU", endUserCountry: "Narnia"));
        Assert.Equal(Decision.Prohibited, d.Decision);
        Assert.Contains("E1", Ids(d));
        Assert.Contains("D1", Ids(d));
    }

    [Fact]
    public void ARowLevelIssue_SetsAsideEveryRuleButTheDataRule()
    {
        var d = One(WithIssue(Line("IN", quantity: 10), "row", "has 10 fields where the header has 15"));
        Assert.Equal(Decision.Hold, d.Decision);
        Assert.Equal(["D1"], Ids(d));
    }

    [Fact]
    public void APackWithoutADataRule_DoesNotFallBackToNlr_WhenItsRulesAreSetAside()
    {
        // A4 fired (on a quantity of 0) and is set aside: the line is not "anything else", so N1 (NLR) does not fire;
        // the engine holds it for the data and for no rule deciding it.
        using var rules = TempDir.WithRules();
        rules.Edit("ai-diffusion-2025/workflows/decision-table.json", "\"Expression\": \"line.HasDataErrors\",", "\"Expression\": \"false\",");
        var pack = RulePackLoader.Load(rules.Rules, "ai-diffusion-2025", AsOf);
        var d = Batch(pack, Line("IN", quantity: 0))[0];
        Assert.Equal(Decision.Hold, d.Decision);
        Assert.Equal([LineEvaluator.NoRule, LineEvaluator.DataInvalid], Ids(d));
    }

    [Fact]
    public void LinesWithoutIssues_AreDecidedAsBefore_BesideAHeldLine()
    {
        var d = Batch(Line("IN", quantity: 10, order: "T-1"), Line("IN", quantity: 0, order: "T-2"), Line("DE", order: "T-3"));
        Assert.Equal(Decision.LicenseException, d[0].Decision);
        Assert.Equal(["A4"], Ids(d[0]));
        Assert.Contains("this line's 158,320 ", d[0].Message, StringComparison.Ordinal);
        Assert.Equal(["D1"], Ids(d[1]));
        Assert.Equal(["A2"], Ids(d[2]));
    }

    [Fact]
    public void EveryMemberRulesCanRead_IsMappedToTheInputsItIsDerivedFrom()
    {
        static IEnumerable<string> Public(Type t) => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m is PropertyInfo || m is MethodInfo { IsSpecialName: false })
            .Select(m => m.Name).Distinct();
        Assert.Empty(Public(typeof(LineFacts)).Except(FactSources.LineMembers.Keys));
        Assert.Empty(Public(typeof(ChipFacts)).Except(FactSources.ChipMembers.Keys));
    }

    [Fact]
    public void EachShippedRule_ReadsWhatItsExpressionReads()
    {
        var rules = Pack.Rules;
        FactInputs Of(string id) => rules.Reads[rules.Rules.Select(r => r.Id).ToList().IndexOf(id)];
        Assert.Equal(FactInputs.None, Of("D1"));
        Assert.Equal(FactInputs.Destination, Of("E1"));
        Assert.True(Of("A4").HasFlag(FactInputs.Quantity));
        Assert.True(Of("A4").HasFlag(FactInputs.EndUserHqCountry)); // through the global lppScope
        Assert.False(Of("A2").HasFlag(FactInputs.Quantity));
        Assert.Equal(FactInputs.EndUse | FactInputs.Destination, Of("U1"));
        Assert.Equal(FactInputs.None, Of("N1"));
    }

    private static JsonElement? FindProperty(JsonElement e, string name)
    {
        if (e.ValueKind == JsonValueKind.Object)
            foreach (var p in e.EnumerateObject())
                if (p.Name == name)
                    return p.Value;
                else if (FindProperty(p.Value, name) is { } found)
                    return found;
        if (e.ValueKind == JsonValueKind.Array)
            foreach (var item in e.EnumerateArray())
                if (FindProperty(item, name) is { } found)
                    return found;
        return null;
    }
}
