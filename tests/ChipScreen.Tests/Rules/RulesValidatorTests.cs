using ChipScreen.Rules;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Rules;

/// <summary><see cref="RulesValidator"/> (<c>chipscreen rules validate</c>): the shipped packs are valid, and each kind of
/// mistake is reported with its own code, the file and position, and a message that says what to fix; a broken pack
/// never loads, so nothing is evaluated under it.</summary>
public class RulesValidatorTests
{
    [Fact]
    public void ShippedRules_AreValid()
    {
        var result = RulesValidator.Validate(Repo.Rules);
        Assert.True(result.Valid, result.ToText());
        Assert.Equal(["ac-2023", "ai-diffusion-2025", "us-2026"], result.Packs.Select(p => p.Id));
        Assert.All(result.Packs, p => Assert.True(p.Valid && p.Rules > 20, p.Id));
    }

    /// <summary>One broken rules directory per kind of mistake: the file to break, text to find and its replacement (or a
    /// new file when <see cref="Find"/> is null), the pack it breaks, and the code and words the error must have.</summary>
    public sealed record Fixture(string File, string? Find, string Replace, string Pack, string Code, string Says, bool Positioned = true);

    private const string Ai = "ai-diffusion-2025/workflows/decision-table.json";
    private const string Us = "us-2026/workflows/decision-table.json";

    private const string D5 = "\"D:5\": [\"AF\", \"BY\", \"MM\", \"KH\", \"CF\", \"CN\", \"CD\", \"CU\", \"ER\", \"HT\", \"IR\", \"IQ\", \"KP\", \"LB\", \"LY\", \"NI\", \"RU\", \"SO\", \"SS\", \"SD\", \"SY\", \"VE\", \"ZW\"]";
    private const string D4 = "\"AE\", \"BH\", \"BY\", \"CN\", \"EG\", \"IR\", \"IQ\", \"IL\", \"JO\", \"KP\", \"KW\", \"LB\", \"LY\", \"MO\", \"OM\", \"PK\", \"QA\", \"RU\", \"SA\", \"SY\", \"VE\", \"YE\"";

    private static readonly Dictionary<string, Fixture> s_fixtures = new()
    {
        ["json syntax"] = new(Ai, "\"RuleName\": \"A4\",", "\"RuleName\": \"A4\"", "ai-diffusion-2025", PackErrorCodes.JsonSyntax, "is not valid JSON"),
        ["treat_as to itself"] = new("ai-diffusion-2025/country-groups.json", "\"treat_as\": { \"HK\": \"CN\",", "\"treat_as\": { \"HK\": \"HK\",", "ai-diffusion-2025", PackErrorCodes.InvalidValue, "\"HK\" is mapped to itself"),
        ["treat_as chain"] = new("ai-diffusion-2025/country-groups.json", "\"treat_as\": { \"HK\": \"CN\",", "\"treat_as\": { \"HK\": \"CN\", \"MO\": \"HK\",", "ai-diffusion-2025", PackErrorCodes.InvalidValue, "\"MO\" is mapped to \"HK\", which is itself mapped to \"CN\""),
        ["group change before the pack starts"] = new("us-2026/group-changes.json", "\"date\": \"2026-02-03\"", "\"date\": \"2020-02-03\"", "us-2026", PackErrorCodes.InvalidValue, "2020-02-03 is before the pack starts (2026-01-15)"),
        ["key written twice"] = new("ac-2023/classification.json", "\"tpp_min\": 4800 }", "\"tpp_min\": 4800, \"tpp_min\": 48000 }", "ac-2023", PackErrorCodes.DuplicateKey, "\"tpp_min\" is written twice in the same object"),
        ["unknown property (schema)"] = new("ac-2023/pack.json", "\"effective_to\":", "\"effective_too\":", "ac-2023", PackErrorCodes.SchemaViolation, "did you mean \"effective_to\"?"),
        ["wrong type (schema)"] = new(Ai, "\"fallback\": true", "\"fallback\": \"yes\"", "ai-diffusion-2025", PackErrorCodes.SchemaViolation, "should be \"boolean\""),
        ["value outside an enum (schema)"] = new(Us, "\"title\": \"H20 / MI308-class", "\"consumes\": \"consignee_month\", \"title\": \"H20 / MI308-class", "us-2026", PackErrorCodes.InvalidValue, "consignee_year or country_allocation"),
        ["expression does not compile"] = new(Ai, "lppScope && line.Volume.ConsigneeYearFits\"", "lppScope && line.Volume.ConsigneeYearFitz\"", "ai-diffusion-2025", PackErrorCodes.ExpressionInvalid, "ConsigneeYearFitz"),
        ["unknown identifier"] = new(Us, "h20Class && destD5Mo && !toUs", "h20Klass && destD5Mo && !toUs", "us-2026", PackErrorCodes.ExpressionInvalid, "h20Klass"),
        ["expression not true or false"] = new(Ai, "\"Expression\": \"line.HasDataErrors\"", "\"Expression\": \"line.Chip.Tpp\"", "ai-diffusion-2025", PackErrorCodes.ExpressionInvalid, "Expression of type 'Boolean' expected"),
        ["reflection"] = new(Ai, "\"Expression\": \"line.HasDataErrors\"", "\"Expression\": \"line.GetType().Assembly != null\"", "ai-diffusion-2025", PackErrorCodes.ExpressionForbidden, "GetType (reflection)"),
        ["System.IO"] = new(Ai, "\"Expression\": \"line.HasDataErrors\"", "\"Expression\": \"System.IO.File.Exists(\\\"/etc/passwd\\\")\"", "ai-diffusion-2025", PackErrorCodes.ExpressionForbidden, "IO (file and stream access"),
        ["Environment"] = new(Ai, "\"Expression\": \"line.HasDataErrors\"", "\"Expression\": \"Environment.GetEnvironmentVariable(\\\"HOME\\\") != null\"", "ai-diffusion-2025", PackErrorCodes.ExpressionForbidden, "Environment (environment access)"),
        ["Process"] = new(Us, "h20Class && destD5Mo && !toUs", "h20Class && System.Diagnostics.Process.GetCurrentProcess() != null", "us-2026", PackErrorCodes.ExpressionForbidden, "Process (process access)"),
        ["Type"] = new(Us, "h20Class && destD5Mo && !toUs", "h20Class && Type.GetType(\\\"System.String\\\") != null", "us-2026", PackErrorCodes.ExpressionForbidden, "Type (reflection)"),
        ["unknown country group"] = new(Ai, "line.Destination.In(\\\"D:1\\\")", "line.Destination.In(\\\"D1\\\")", "ai-diffusion-2025", PackErrorCodes.UnknownGroup, "unknown country group \"D1\" (did you mean \"D:1\"?): country-groups.json defines A:5, A:6, D:1, D:4, D:5, embargoed"),
        ["unknown term list"] = new(Ai, "line.EndUseMentions(\\\"red_flags\\\")\"", "line.EndUseMentions(\\\"redflags\\\")\"", "ai-diffusion-2025", PackErrorCodes.UnknownTermList, "unknown end-use term list \"redflags\" (did you mean \"red_flags\"?)"),
        ["duplicate rule id"] = new(Ai, "\"RuleName\": \"A5\"", "\"RuleName\": \"A4\"", "ai-diffusion-2025", PackErrorCodes.DuplicateRuleId, "give each rule its own id"),
        ["non-ISO country code"] = new("ac-2023/country-groups.json", "\"A:6\": [\"AL\",", "\"A:6\": [\"XX\", \"AL\",", "ac-2023", PackErrorCodes.UnknownCountry, "\"XX\" is not an ISO 3166 alpha-2 code"),
        ["country in two tiers"] = new("ac-2023/tiers.json", "\"countries\": [\"US\"]", "\"countries\": [\"US\", \"VN\"]", "us-2026", PackErrorCodes.CountryInTwoTiers, "VN is in tier"),
        ["a value there but out of range"] = new("ai-diffusion-2025/volumes.json", "\"limit_tpp\": 26900000", "\"limit_tpp\": -5", "ai-diffusion-2025", PackErrorCodes.InvalidValue, "\"limit_tpp\" is -5; it must be a TPP volume, 0 or more"),
        ["a date that is no date"] = new("ai-diffusion-2025/volumes.json", "\"from\": \"2025-01-01\"", "\"from\": \"2025-13-01\"", "ai-diffusion-2025", PackErrorCodes.InvalidValue, "\"from\" is \"2025-13-01\"; it must be the period's first day"),
        ["a number too large for a threshold"] = new("ai-diffusion-2025/classification.json", "\"non_datacenter_tpp_min\": 4800", "\"non_datacenter_tpp_min\": 1e400", "ai-diffusion-2025", PackErrorCodes.InvalidValue, "\"non_datacenter_tpp_min\" is 1e400"),
        ["a criterion that is not an object"] = new("ai-diffusion-2025/classification.json", "{ \"tpp_min\": 4800 },", "{ \"tpp_min\": 4800 }, 7,", "ai-diffusion-2025", PackErrorCodes.InvalidValue, "a criterion is an object such as {\"tpp_min\": 4800}, not 7"),
        ["a source that is not an object"] = new("ac-2023/pack.json", "\"sources\": [", "\"sources\": [ 7,", "ac-2023", PackErrorCodes.SchemaViolation, "sources[0] 7: the value is \"integer\" but should be \"object\""),
        ["a catalog entry that is null"] = new("catalog/chips.json", "\"chips\": [", "\"chips\": [ null,", "us-2026", PackErrorCodes.SchemaViolation, "the value is \"null\" but should be \"object\""),
        ["text of the wrong type"] = new("ac-2023/pack.json", "\"version\": \"1.0.0\",", "\"version\": 7,", "ac-2023", PackErrorCodes.InvalidValue, "\"version\" is 7; it must be text"),
        ["a catalog die larger than a wafer"] = new("catalog/chips.json", "\"die_area_mm2\": 814,", "\"die_area_mm2\": 8140000,", "us-2026", PackErrorCodes.InvalidValue, "\"die_area_mm2\" 8140000 is outside what a die can be"),
        ["thresholds out of order"] = new("ai-diffusion-2025/classification.json", "\"tpp_min\": 2400, \"tpp_below\": 4800", "\"tpp_min\": 2400, \"tpp_below\": 2000", "ai-diffusion-2025", PackErrorCodes.ThresholdsOutOfOrder, "tpp_below 2000 must be greater than tpp_min 2400"),
        ["decision outside the contract"] = new(Us, "\"decision\": \"LICENSE_REQUIRED\"", "\"decision\": \"REVIEW\"", "us-2026", PackErrorCodes.DecisionInvalid, "\"REVIEW\" is not one of PROHIBITED, HOLD"),
        ["exception outside the contract"] = new(Ai, "\"exception\": \"AIA\"", "\"exception\": \"GBS\"", "ai-diffusion-2025", PackErrorCodes.ExceptionInvalid, "one of ACA, AIA, LPP, NAC, VEU"),
        ["exception on a rule that grants none"] = new(Us, "\"decision\": \"LICENSE_REQUIRED\"", "\"decision\": \"LICENSE_REQUIRED\", \"exception\": \"NAC\"", "us-2026", PackErrorCodes.ExceptionInvalid, "only a LICENSE_EXCEPTION rule names an exception"),
        ["C1 granting LPP without consuming the LPP volume"] = new(Ai, "\"title\": \"Non-datacenter .a to D:5 or Macau\",\n          \"decision\": \"LICENSE_EXCEPTION\",\n          \"exception\": \"NAC\"", "\"title\": \"Non-datacenter .a to D:5 or Macau\",\n          \"decision\": \"LICENSE_EXCEPTION\",\n          \"exception\": \"LPP\"", "ai-diffusion-2025", PackErrorCodes.ConsumesInvalid, "the rule grants LPP but consumes nothing: add \"consumes\": \"consignee_year\""),
        ["LPP rule that no longer consumes"] = new(Ai, "\"consumes\": \"consignee_year\"", "\"fallback\": false", "ai-diffusion-2025", PackErrorCodes.ConsumesInvalid, "the rule grants LPP but consumes nothing"),
        ["LPP rule that consumes the country allocation"] = new(Ai, "\"consumes\": \"consignee_year\"", "\"consumes\": \"country_allocation\"", "ai-diffusion-2025", PackErrorCodes.ConsumesInvalid, "the rule grants LPP but consumes country_allocation"),
        ["LPP rule that does not check the limit"] = new(Ai, "\"Expression\": \"lppScope && line.Volume.ConsigneeYearFits\"", "\"Expression\": \"lppScope\"", "ai-diffusion-2025", PackErrorCodes.ConsumesInvalid, "the rule grants LPP without checking the consignee's yearly limit"),
        ["a licence-required rule that consumes the LPP volume"] = new(Ai, "\"consumes\": \"country_allocation\"", "\"consumes\": \"consignee_year\"", "ai-diffusion-2025", PackErrorCodes.ConsumesInvalid, "the rule gives LICENSE_REQUIRED but consumes consignee_year"),
        ["a VEU rule that consumes the country allocation"] = new(Ai, "\"exception\": \"VEU\",", "\"exception\": \"VEU\", \"consumes\": \"country_allocation\",", "ai-diffusion-2025", PackErrorCodes.ConsumesInvalid, "the rule gives LICENSE_EXCEPTION VEU but consumes country_allocation"),
        ["SuccessEvent that disagrees with the decision"] = new(Ai, "\"RuleName\": \"A1\",\n        \"SuccessEvent\": \"PROHIBITED\"", "\"RuleName\": \"A1\",\n        \"SuccessEvent\": \"NLR\"", "ai-diffusion-2025", PackErrorCodes.SuccessEventMismatch, "SuccessEvent \"NLR\" disagrees with the decision \"PROHIBITED\""),
        ["broken message placeholder"] = new(Ai, "{line.Where}: {line.DataErrors}", "{line.Where: {line.DataErrors}", "ai-diffusion-2025", PackErrorCodes.MessageInvalid, "never closed"),
        ["extends a pack that does not exist"] = new("us-2026/pack.json", "\"extends\": \"ac-2023\"", "\"extends\": \"ac-2032\"", "us-2026", PackErrorCodes.ExtendsInvalid, "names no pack in this rules directory"),
        ["extends loops"] = new("ac-2023/pack.json", "\"version\": \"1.0.0\",", "\"version\": \"1.0.0\", \"extends\": \"us-2026\",", "us-2026", PackErrorCodes.ExtendsInvalid, "makes a loop"),
        ["disables a rule the base lacks"] = new(Us, "\"Rules\": [", "\"Rules\": [ { \"RuleName\": \"Z9\", \"Enabled\": false },", "us-2026", PackErrorCodes.RuleNotInBase, "has no rule Z9"),
        ["pack windows that overlap"] = new("ac-2023/pack.json", "\"effective_to\": \"2025-01-13\"", "\"effective_to\": \"2025-06-01\"", "ac-2023", PackErrorCodes.PackWindowsOverlap, "pack ac-2023 (ac-2023/pack.json, in force from 2023-11-17 until 2025-06-01) and pack ai-diffusion-2025 (ai-diffusion-2025/pack.json, in force from 2025-01-13 until 2026-01-15) are both in force on every day from 2025-01-13 to 2025-05-31"),
        ["effective dates out of order"] = new("ac-2023/pack.json", "\"effective_to\": \"2025-01-13\"", "\"effective_to\": \"2023-01-13\"", "ac-2023", PackErrorCodes.ThresholdsOutOfOrder, "must come after effective_from"),
        ["$schema of another kind"] = new("ac-2023/tiers.json", "\"../schemas/tiers.schema.json\"", "\"../schemas/country-groups.schema.json\"", "ac-2023", PackErrorCodes.SchemaViolation, "this is a tiers file"),
        ["dated change removes a country the group lacks"] = new("us-2026/group-changes.json", "\"remove\": [\"KH\"]", "\"remove\": [\"TH\"]", "us-2026", PackErrorCodes.InvalidValue, "TH is not in D:5 when this change takes effect (2026-02-03)"),
        ["dated change without its source"] = new("us-2026/group-changes.json", "\"source\": \"BIS, 2026-02-03: Cambodia removed from Country Group D:5 (it stays in D:1)\"", "\"source\": \"\"", "us-2026", PackErrorCodes.MissingValue, "a change needs \"source\""),
        ["dated change to an unknown group"] = new("us-2026/group-changes.json", "\"group\": \"A:5\"", "\"group\": \"A5\"", "us-2026", PackErrorCodes.UnknownGroup, "\"A5\" is not a group of country-groups.json"),
        ["misspelt pack file name"] = new("us-2026/country-group.json", null, "{ \"groups\": {} }", "us-2026", PackErrorCodes.UnknownFile, "ChipScreen reads no file of this name", Positioned: false),
        ["party thresholds out of order"] = new("ai-diffusion-2025/parties.json", "\"review_threshold\": 75", "\"review_threshold\": 95", "ai-diffusion-2025", PackErrorCodes.ThresholdsOutOfOrder, "review"),
        ["a catalog TPP of 0"] = new("catalog/chips.json", "\"tpp\": 15832,", "\"tpp\": 0,", "us-2026", PackErrorCodes.InvalidValue, "\"tpp\" must be greater than 0, not 0"),
        ["a density bound of 0 that matches no chip"] = new("ac-2023/classification.json", "{ \"tpp_min\": 1600, \"pd_min\": 3.2, \"pd_below\": 5.92 }", "{ \"tpp_min\": 1600, \"pd_below\": 0 }", "ac-2023", PackErrorCodes.InvalidValue, "\"pd_below\" is 0, so the criterion matches no chip"),
        ["an empty country group"] = new("ac-2023/country-groups.json", "\"embargoed\": [\"CU\", \"IR\", \"KP\", \"SY\", \"RU\", \"BY\"]", "\"embargoed\": []", "ac-2023", PackErrorCodes.InvalidValue, "group \"embargoed\" has no members"),
        ["an empty D:5, which would take China out of tier 3"] = new("ac-2023/country-groups.json", D5, "\"D:5\": []", "ac-2023", PackErrorCodes.InvalidValue, "group \"D:5\" has no members"),
        ["dated change empties a group"] = new("us-2026/group-changes.json", "\"group\": \"D:4\", \"remove\": [\"AE\"]", "\"group\": \"D:4\", \"remove\": [" + D4 + "]", "us-2026", PackErrorCodes.InvalidValue, "this change leaves D:4 with no members from 2026-07-10"),
        ["a country excepted from a tier is in no other tier"] = new("ac-2023/tiers.json", "\"3\": { \"groups\": [\"D:5\"], \"countries\": [\"MO\"] }", "\"3\": { \"groups\": [], \"countries\": [\"MO\"] }", "ac-2023", PackErrorCodes.InvalidValue, "CN, IQ, IR, KH, KP, LB, LY, MM, NI, RU, SY, VE are taken out of tier 2 here but are in no other tier, so they fall through to default_tier 1"),
        ["an emptied tier 3, which would send China to default_tier 2"] = new("ai-diffusion-2025/tiers.json", "\"3\": { \"groups\": [\"D:5\"], \"countries\": [\"MO\"] }", "\"3\": { \"groups\": [], \"countries\": [] }", "ai-diffusion-2025", PackErrorCodes.InvalidValue, "tier 3 has no members, so the countries meant for it fall through to default_tier 2"),
        ["duplicate SKU in the catalog"] = new("catalog/chips.json", "\"sku\": \"H100-PCIE-80GB\"", "\"sku\": \"H100-SXM5-80GB\"", "us-2026", PackErrorCodes.DuplicateSku, "SKU H100-SXM5-80GB is already defined"),
    };

    public static TheoryData<string> Fixtures() => new(s_fixtures.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void ThereIsABrokenFixtureForEveryKindOfMistake() => Assert.True(s_fixtures.Count >= 20);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void BrokenFixture_IsReportedWithItsCodeFileAndPosition_AndNeverLoads(string name)
    {
        var fixture = s_fixtures[name];
        using var rules = TempDir.WithRules();
        if (fixture.Find is null)
            File.WriteAllText(Path.Combine(rules.Rules, fixture.File), fixture.Replace);
        else
            rules.Edit(fixture.File, fixture.Find, fixture.Replace);

        var result = RulesValidator.Validate(rules.Rules);
        Assert.False(result.Valid);
        var error = result.Errors.FirstOrDefault(e => e.Code == fixture.Code && e.Message.Contains(fixture.Says, StringComparison.Ordinal));
        Assert.True(error is not null, $"{name}: expected a {fixture.Code} error saying '{fixture.Says}', got:\n{result.ToText()}");
        Assert.Equal(fixture.File, error!.File);
        if (fixture.Positioned)
        {
            Assert.NotNull(error.Line);
            Assert.NotNull(error.Column);
            Assert.StartsWith($"{fixture.File}:{error.Line}:{error.Column}: ", error.ToString());
        }
        Assert.False(result.Packs.Single(p => p.Id == fixture.Pack).Valid);

        // The pack does not load, so no line is ever evaluated under it.
        var e = Assert.Throws<RulePackException>(() => RulePackLoader.Load(rules.Rules, fixture.Pack, new DateOnly(2026, 6, 1)));
        Assert.Contains(e.Errors, x => x.Code == fixture.Code);
        // And screening reports no error that validate does not (no schema echo of a more specific error).
        Assert.All(e.Errors, x => Assert.Contains(x, result.Errors));
    }

    [Fact]
    public void ScreeningAndValidate_ReportTheSameErrors_WithoutTheSchemaEchoOfAMoreSpecificOne()
    {
        using var rules = TempDir.WithRules();
        rules.Edit(Us, "\"title\": \"H20 / MI308-class", "\"consumes\": \"consignee_month\", \"title\": \"H20 / MI308-class");

        var validated = RulesValidator.Validate(rules.Rules);
        var e = Assert.Throws<RulePackException>(() => RulePackLoader.Load(rules.Rules, null, new DateOnly(2026, 6, 1)));
        var error = Assert.Single(validated.Errors);
        Assert.Equal(PackErrorCodes.InvalidValue, error.Code);
        Assert.Equal([error], e.Errors);
    }

    [Fact]
    public void PacksThatStartOnTheSameDay_AreRefused_SuggestingAStartDateToMove_NotAnEndThatWouldLeaveNoDayInForce()
    {
        using var rules = TempDir.WithRules();
        rules.Edit("us-2026/pack.json", "\"effective_from\": \"2026-01-15\"", "\"effective_from\": \"2025-01-13\"");

        var errors = RulesValidator.Validate(rules.Rules).Errors.Where(e => e.Code == PackErrorCodes.PackWindowsOverlap).ToList();
        var error = Assert.Single(errors);
        Assert.StartsWith("us-2026/pack.json:", error.ToString());
        Assert.Contains("both in force on every day from 2025-01-13 to 2026-01-14", error.Message);
        Assert.DoesNotContain("end ai-diffusion-2025 on 2025-01-13", error.Message);
        Assert.Contains("move us-2026's effective_from", error.Message);
        var line = File.ReadAllLines(Path.Combine(rules.Rules, "us-2026", "pack.json"))[error.Line!.Value - 1];
        Assert.Contains("effective_from", line);
    }

    [Fact]
    public void PacksWhoseWindowsOverlap_AreRefused_WithoutAPackId_NamingBothFilesAndTheDays()
    {
        // A new pack beside the open-ended us-2026: from 2027-01-01 both would be in force.
        using var rules = TempDir.WithRules();
        var next = Path.Combine(rules.Rules, "us-2027");
        Directory.CreateDirectory(next);
        File.WriteAllText(Path.Combine(next, "pack.json"), File.ReadAllText(Path.Combine(rules.Rules, "us-2026", "pack.json"))
            .Replace("\"id\": \"us-2026\"", "\"id\": \"us-2027\"").Replace("\"effective_from\": \"2026-01-15\"", "\"effective_from\": \"2027-01-01\""));
        Directory.CreateDirectory(Path.Combine(next, "workflows"));
        File.Copy(Path.Combine(rules.Rules, "us-2026", "workflows", "decision-table.json"), Path.Combine(next, "workflows", "decision-table.json"));

        var result = RulesValidator.Validate(rules.Rules);
        var error = Assert.Single(result.Errors);
        Assert.Equal(PackErrorCodes.PackWindowsOverlap, error.Code);
        Assert.StartsWith("us-2026/pack.json:", error.ToString());
        Assert.Contains("us-2027/pack.json", error.Message);
        Assert.Contains("both in force on every day from 2027-01-01 on", error.Message);
        Assert.False(result.Packs.Single(p => p.Id == "us-2026").Valid);
        Assert.False(result.Packs.Single(p => p.Id == "us-2027").Valid);

        // Without a pack id, a date in the overlap (and one before it, under a pack whose end is wrong) is refused, not guessed.
        foreach (var date in new[] { new DateOnly(2027, 6, 1), new DateOnly(2026, 6, 1) })
        {
            var e = Assert.Throws<RulePackException>(() => RulePackLoader.Load(rules.Rules, null, date));
            Assert.Equal([PackErrorCodes.PackWindowsOverlap], e.Errors.Select(x => x.Code));
        }

        // Ended where the next begins (windows are half-open), both are valid and each date has one pack.
        rules.Edit("us-2026/pack.json", "\"effective_to\": null", "\"effective_to\": \"2027-01-01\"");
        Assert.True(RulesValidator.Validate(rules.Rules).Valid, RulesValidator.Validate(rules.Rules).ToText());
        Assert.Equal("us-2026", RulePackLoader.Load(rules.Rules, null, new DateOnly(2026, 12, 31)).Manifest.Id);
        Assert.Equal("us-2027", RulePackLoader.Load(rules.Rules, null, new DateOnly(2027, 1, 1)).Manifest.Id);
    }

    [Fact]
    public void AMisspeltGroupInAGlobalParameter_IsOneUnknownGroupError_AtTheName_WithoutEchoesInTheRulesThatUseIt()
    {
        using var rules = TempDir.WithRules();
        rules.Edit(Ai, "\"Expression\": \"line.Hq.In(\\\"D:5\\\")", "\"Expression\": \"line.Hq.In(\\\"D:55\\\")");

        var result = RulesValidator.Validate(rules.Rules);
        var error = Assert.Single(result.Errors);
        Assert.Equal((PackErrorCodes.UnknownGroup, Ai), (error.Code, error.File));
        Assert.Contains("unknown country group \"D:55\" (did you mean \"D:5\"?)", error.Message);
        var line = File.ReadAllLines(Path.Combine(rules.Rules, Ai))[error.Line!.Value - 1];
        Assert.StartsWith("\\\"D:55\\\"", line[(error.Column!.Value - 1)..]);

        // Screening refuses the pack with the same one error.
        var e = Assert.Throws<RulePackException>(() => RulePackLoader.Load(rules.Rules, null, new DateOnly(2025, 6, 1)));
        Assert.Equal([error], e.Errors);
    }

    [Theory]
    [InlineData("line.Hq.In(\\\"D:\\\" + \\\"55\\\")", PackErrorCodes.ExpressionForbidden)] // refused, its type known
    [InlineData("line.Hq.In(", PackErrorCodes.ExpressionInvalid)] // does not compile
    public void AGlobalParameterThatIsRefused_IsOneError_WithoutUnknownIdentifierEchoesInTheRulesThatUseIt(string expression, string code)
    {
        using var rules = TempDir.WithRules();
        rules.Edit(Ai, "\"Expression\": \"line.Hq.In(\\\"D:5\\\")", $"\"Expression\": \"{expression}");

        var result = RulesValidator.Validate(rules.Rules);
        var error = Assert.Single(result.Errors);
        Assert.Equal((code, Ai, (string?)null), (error.Code, error.File, error.RuleId));
        Assert.DoesNotContain(result.Errors, e => e.Message.Contains("Unknown identifier", StringComparison.Ordinal));

        var e = Assert.Throws<RulePackException>(() => RulePackLoader.Load(rules.Rules, null, new DateOnly(2025, 6, 1)));
        Assert.Equal([error], e.Errors);
    }

    [Fact]
    public void AGroupChangeDatedOnOrAfterThePackEnds_IsRefused()
    {
        // It never applied while the pack was in force, only to a what-if screening past its end: there the UAE's move
        // into A:5 made it tier 1 under a pack whose window had closed.
        using var rules = TempDir.WithRules();
        rules.Edit("us-2026/pack.json", "\"effective_to\": null", "\"effective_to\": \"2026-07-10\"");

        var result = RulesValidator.Validate(rules.Rules);
        Assert.Equal([true, true, false], result.Packs.Select(p => p.Valid));
        // Both changes of that day (the UAE out of D:4, into A:5), each at its line.
        Assert.Equal([6, 7], result.Errors.Select(e => e.Line));
        Assert.All(result.Errors, error =>
        {
            Assert.Equal(("us-2026/group-changes.json", PackErrorCodes.InvalidValue), (error.File, error.Code));
            Assert.StartsWith("2026-07-10 is on or after the pack's end (2026-07-10, its first day out of force)", error.Message);
        });
    }

    [Fact]
    public void ACountryADatedChangeLeavesInNoTier_IsRefused_NamingTheDate()
    {
        // Tier 2 also excepts "embargoed", which tier 3 does not list: fine while embargoed lies within D:5, until a dated
        // change adds Vietnam to it; from then Vietnam would fall through to default_tier 1.
        using var rules = TempDir.WithRules();
        rules.Edit("ac-2023/tiers.json", "\"except_groups\": [\"A:5\", \"A:6\", \"D:5\"]", "\"except_groups\": [\"A:5\", \"A:6\", \"D:5\", \"embargoed\"]");
        rules.Edit("us-2026/group-changes.json", "\"changes\": [", "\"changes\": [ { \"date\": \"2026-03-01\", \"group\": \"embargoed\", \"add\": [\"VN\"], \"source\": \"test\" },");

        var result = RulesValidator.Validate(rules.Rules);
        Assert.Equal([true, true, false], result.Packs.Select(p => p.Valid));
        var error = Assert.Single(result.Errors);
        Assert.Equal(("ac-2023/tiers.json", PackErrorCodes.InvalidValue), (error.File, error.Code));
        Assert.NotNull(error.Line);
        Assert.StartsWith("VN is taken out of tier 2 here but is in no other tier from 2026-03-01", error.Message);
        // Not only from that day: the pack is refused whatever the screening date.
        var e = Assert.Throws<RulePackException>(() => RulePackLoader.Load(rules.Rules, "us-2026", new DateOnly(2026, 2, 1)));
        Assert.Contains(e.Errors, x => x.Message.StartsWith("VN is taken out of tier 2", StringComparison.Ordinal));
    }

    [Fact]
    public void ManyMistakes_AreAllReported_EachOnce_SortedByFileAndPosition()
    {
        using var rules = TempDir.WithRules();
        rules.Edit(Ai, "\"exception\": \"AIA\"", "\"exception\": \"GBS\"");
        rules.Edit("ac-2023/country-groups.json", "\"A:6\": [\"AL\",", "\"A:6\": [\"XX\", \"AL\",");
        rules.Edit(Us, "h20Class && destD5Mo && !toUs", "h20Klass && destD5Mo && !toUs");
        var result = RulesValidator.Validate(rules.Rules);
        Assert.Equal(3, result.Errors.Count);
        Assert.Equal(result.Errors.OrderBy(x => x.File, StringComparer.Ordinal).ThenBy(x => x.Line), result.Errors);
        // ac-2023's broken groups break us-2026 too, which builds on them.
        Assert.Equal([false, false, false], result.Packs.Select(p => p.Valid));
    }

    [Fact]
    public void AMissingBaseOrFile_IsTheOneErrorReported_NotTheEchoesOfWhatItWouldHaveHeld()
    {
        using var rules = TempDir.WithRules();
        rules.Edit("us-2026/pack.json", "\"extends\": \"ac-2023\"", "\"extends\": \"ac-2032\"");
        File.Delete(Path.Combine(rules.Rules, "ac-2023", "country-groups.json"));
        File.Delete(Path.Combine(rules.Rules, "ai-diffusion-2025", "volumes.json"));
        rules.Edit(Ai, "\"RuleName\": \"A4\",", "\"RuleName\": \"A4\""); // a mistake of its own in a file that is there

        var result = RulesValidator.Validate(rules.Rules);
        Assert.Equal(
            [
                ("ac-2023/country-groups.json", PackErrorCodes.FileMissing),
                ("ai-diffusion-2025/volumes.json", PackErrorCodes.FileMissing),
                (Ai, PackErrorCodes.JsonSyntax),
                ("us-2026/pack.json", PackErrorCodes.ExtendsInvalid),
            ],
            result.Errors.Select(e => (e.File, e.Code)));
        Assert.Contains("checked once it is there", result.Errors[0].Message);
    }

    [Fact]
    public void AValueThatMatchesOneBranchOfAChoice_IsNoError_WhenTheFileHasOthers()
    {
        // effective_to is a date or null: its date matched, so the null branch it did not match is not reported.
        using var rules = TempDir.WithRules();
        rules.Edit("ac-2023/pack.json", "\"version\": \"1.0.0\",", "\"version\": 7,");
        var result = RulesValidator.Validate(rules.Rules);
        Assert.Equal([("ac-2023/pack.json", PackErrorCodes.InvalidValue)], result.Errors.Select(e => (e.File, e.Code)).Distinct());
        Assert.DoesNotContain(result.Errors, e => e.Message.Contains("effective_to", StringComparison.Ordinal));
    }

    [Fact]
    public void AValueOfTheWrongTypeInAFileWithoutASchema_IsRefused_NotACrash()
    {
        using var rules = TempDir.WithRules();
        rules.Edit("countries/countries.json", "\"countries\": [", "\"countries\": [ 7,");
        var e = Assert.Throws<RulePackException>(() => RulePackLoader.Load(rules.Rules, "us-2026", new DateOnly(2026, 6, 1)));
        Assert.Contains(e.Errors, x => x.Code == PackErrorCodes.InvalidValue && x.Message.Contains("wrong JSON type", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_NamesEveryErrorWithFileLineColumnRuleAndCode()
    {
        using var rules = TempDir.WithRules();
        rules.Edit(Ai, "\"exception\": \"AIA\"", "\"exception\": \"GBS\"");
        using var json = System.Text.Json.JsonDocument.Parse(RulesValidator.Validate(rules.Rules).ToJson());
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        var error = json.RootElement.GetProperty("errors")[0];
        Assert.Equal(Ai, error.GetProperty("file").GetString());
        Assert.Equal("A2", error.GetProperty("rule_id").GetString());
        Assert.Equal(PackErrorCodes.ExceptionInvalid, error.GetProperty("code").GetString());
        Assert.True(error.GetProperty("line").GetInt32() > 0 && error.GetProperty("column").GetInt32() > 0);
    }
}
