using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChipScreen.Orders;
using ChipScreen.Rules;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Rules;

/// <summary>Every rule file kind has a JSON Schema; every shipped file names its schema and validates against it; and each
/// schema stays in step with the loader that reads the file (every property read is in the schema, and vice versa).</summary>
public class RuleFileSchemasTests
{
    public static TheoryData<string> ShippedFiles() => new(
        Directory.GetFiles(Repo.Rules, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repo.Rules, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(RuleFileKind.SchemaFolder + "/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void EveryShippedFile_NamesTheSchemaOfItsKind_AndValidatesAgainstIt(string file)
    {
        var kind = RuleFileKind.Of(file);
        Assert.True(kind is not null, $"{file}: no rule file kind");
        var errors = new List<PackError>();
        var source = JsonSource.Load(Path.Combine(Repo.Rules, file), file, errors);
        Assert.True(source.Root.TryGetProperty("$schema", out var reference), $"{file} has no $schema");
        var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.Combine(Repo.Rules, file))!, reference.GetString()!));
        Assert.Equal(Path.GetFullPath(Path.Combine(Repo.Rules, RuleFileKind.SchemaFolder, kind!.SchemaFile)), target);
        new RuleFileSchemas(Repo.Rules).Check(source, kind, errors);
        Assert.Empty(errors);
    }

    [Fact]
    public void EveryKind_HasASchemaThatEditorsCanRead()
    {
        foreach (var kind in RuleFileKind.All)
        {
            var path = Path.Combine(Repo.Rules, RuleFileKind.SchemaFolder, kind.SchemaFile);
            var schema = JsonNode.Parse(File.ReadAllText(path))!;
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema["$schema"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(schema["title"]?.GetValue<string>()), kind.SchemaFile);
            _ = Json.Schema.JsonSchema.FromText(schema.ToJsonString(), new Json.Schema.BuildOptions { SchemaRegistry = new Json.Schema.SchemaRegistry() });
        }
        Assert.Equal(RuleFileKind.All.Select(k => k.SchemaFile).Order(StringComparer.Ordinal),
            Directory.GetFiles(Path.Combine(Repo.Rules, RuleFileKind.SchemaFolder)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    /// <summary>The loader source that reads each kind, and the schema properties that only document (the loader skips them).</summary>
    public static TheoryData<string, string[], string[]> Readers() => new()
    {
        { "Rules/PackManifest.cs", ["pack"], [] },
        { "Rules/WorkflowSource.cs", ["workflow"], ["SuccessEvent", "ErrorMessage"] }, // RulesEngine's own fields
        { "Countries/CountryGroups.cs", ["country-groups", "tiers"], [] },
        { "Countries/GroupChanges.cs", ["group-changes"], [] },
        { "Classification/ClassificationThresholds.cs", ["classification"], [] },
        { "Volumes/VolumeLimits.cs", ["volumes"], [] },
        { "Screening/EndUseTerms.cs", ["end-use-terms"], [] },
        { "Parties/ValidatedEndUsers.cs", ["validated-end-users"], [] },
        { "Parties/PartyConfig.cs", ["parties"], [] },
        { "Catalog/ChipCatalog.cs", ["catalog"], ["attribution"] },
        { "Countries/CountryDirectory.cs", ["countries"], [] },
        { "Parties/ProjectListFile.cs", ["party-list"], ["title", "description", "as_of"] },
        { "Rules/PackTestFile.cs", ["pack-test"], [] },
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public void EachSchema_HasExactlyThePropertiesItsLoaderReads(string source, string[] kinds, string[] documentationOnly)
    {
        var code = File.ReadAllText(Path.Combine(Repo.Root, "src", "ChipScreen", source));
        var read = Regex.Matches(code, @"\b(?:TryGetProperty|Text|Date|Read|Number|Threshold|Limit|String|Strings|Array|ReadCriteria|GroupMembers)\((?:[^()]*?,\s*)?""([A-Za-z_$][A-Za-z0-9_]*)""\s*[,)]")
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        if (kinds.Contains("pack-test"))
            read.UnionWith(OrderColumns.All); // a case's line is read by OrderJson, by the order columns
        var schema = kinds.SelectMany(k => Properties(JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Rules, RuleFileKind.SchemaFolder, k + ".schema.json")))!))
            .Where(p => p is not ("$schema" or "$comment")).ToHashSet(StringComparer.Ordinal);

        var missingFromSchema = read.Except(schema).Order(StringComparer.Ordinal).ToList();
        var notRead = schema.Except(read).Except(documentationOnly).Order(StringComparer.Ordinal).ToList();
        Assert.True(missingFromSchema.Count == 0, $"{source} reads {string.Join(", ", missingFromSchema)}, which the schema of {string.Join(", ", kinds)} lacks");
        Assert.True(notRead.Count == 0, $"the schema of {string.Join(", ", kinds)} allows {string.Join(", ", notRead)}, which {source} does not read");
    }

    private static IEnumerable<string> Properties(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["properties"] is JsonObject properties)
                    foreach (var p in properties)
                        yield return p.Key;
                foreach (var child in o.Where(c => c.Value is not null))
                    foreach (var p in Properties(child.Value!))
                        yield return p;
                break;
            case JsonArray a:
                foreach (var item in a.Where(i => i is not null))
                    foreach (var p in Properties(item!))
                        yield return p;
                break;
        }
    }

    [Fact]
    public void AnUnknownPropertyInAShippedFile_IsNamedWithItsPositionAndTheNearestKnownName()
    {
        using var rules = TempDir.WithRules();
        rules.Edit("us-2026/workflows/decision-table.json", "\"title\": \"H20 / MI308-class", "\"decison\": \"LICENSE_REQUIRED\", \"title\": \"H20 / MI308-class");
        var errors = new List<PackError>();
        var file = JsonSource.Load(Path.Combine(rules.Rules, "us-2026/workflows/decision-table.json"), "us-2026/workflows/decision-table.json", errors);
        new RuleFileSchemas(rules.Rules).Check(file, RuleFileKind.Workflow, errors);
        var error = Assert.Single(errors);
        Assert.Equal(PackErrorCodes.SchemaViolation, error.Code);
        Assert.NotNull(error.Line);
        Assert.NotNull(error.Column);
        Assert.Contains("unknown property \"decison\": did you mean \"decision\"?", error.Message);
    }

    [Fact]
    public void JsonPointer_BecomesTheLoadersPath()
    {
        using var document = JsonDocument.Parse("""{"Rules":[{"Properties":{"a/b":1}}]}""");
        Assert.Equal("$.Rules[0].Properties.a/b", RuleFileSchemas.ToPath(document.RootElement, "/Rules/0/Properties/a~1b"));
    }
}
