namespace ChipScreen.Rules;

/// <summary>A kind of rule file (a pack's manifest, its tiers, a workflow, the chip catalog, ...) and the JSON Schema
/// that describes it.</summary>
/// <param name="Name">The kind's name, e.g. <c>workflow</c>.</param>
/// <param name="SchemaFile">The schema's file name in the rules directory's <c>schemas/</c> folder.</param>
public sealed record RuleFileKind(string Name, string SchemaFile)
{
    /// <summary>The folder of the rules directory that holds the schemas.</summary>
    public const string SchemaFolder = "schemas";

    /// <summary><c>pack.json</c>.</summary>
    public static RuleFileKind Pack { get; } = new("pack", "pack.schema.json");

    /// <summary>A RulesEngine workflow of decision rules (<c>workflows/*.json</c>).</summary>
    public static RuleFileKind Workflow { get; } = new("workflow", "workflow.schema.json");

    /// <summary><c>country-groups.json</c>.</summary>
    public static RuleFileKind CountryGroups { get; } = new("country-groups", "country-groups.schema.json");

    /// <summary><c>tiers.json</c>.</summary>
    public static RuleFileKind Tiers { get; } = new("tiers", "tiers.schema.json");

    /// <summary><c>classification.json</c>.</summary>
    public static RuleFileKind Classification { get; } = new("classification", "classification.schema.json");

    /// <summary><c>volumes.json</c>.</summary>
    public static RuleFileKind Volumes { get; } = new("volumes", "volumes.schema.json");

    /// <summary><c>end-use-terms.json</c>.</summary>
    public static RuleFileKind EndUseTerms { get; } = new("end-use-terms", "end-use-terms.schema.json");

    /// <summary><c>validated-end-users.json</c>.</summary>
    public static RuleFileKind ValidatedEndUsers { get; } = new("validated-end-users", "validated-end-users.schema.json");

    /// <summary><c>group-changes.json</c>: dated changes to the country groups.</summary>
    public static RuleFileKind GroupChanges { get; } = new("group-changes", "group-changes.schema.json");

    /// <summary><c>parties.json</c>: restricted-party thresholds and lists.</summary>
    public static RuleFileKind Parties { get; } = new("parties", "parties.schema.json");

    /// <summary>A chip catalog file (<c>catalog/*.json</c>).</summary>
    public static RuleFileKind Catalog { get; } = new("catalog", "catalog.schema.json");

    /// <summary><c>countries/countries.json</c>.</summary>
    public static RuleFileKind Countries { get; } = new("countries", "countries.schema.json");

    /// <summary>A restricted-party list in ChipScreen's JSON format (<c>lists/*.json</c>).</summary>
    public static RuleFileKind PartyList { get; } = new("party-list", "party-list.schema.json");

    /// <summary>A pack's test cases (<c>&lt;pack&gt;/tests/*.json</c>).</summary>
    public static RuleFileKind PackTest { get; } = new("pack-test", "pack-test.schema.json");

    /// <summary>Every kind.</summary>
    public static IReadOnlyList<RuleFileKind> All { get; } =
        [Pack, Workflow, CountryGroups, GroupChanges, Tiers, Classification, Volumes, EndUseTerms, ValidatedEndUsers, Parties, Catalog, Countries, PartyList, PackTest];

    /// <summary>The kind of the file at <paramref name="relativePath"/> (relative to the rules directory, with forward
    /// slashes), or null when no schema describes it.</summary>
    public static RuleFileKind? Of(string relativePath)
    {
        var parts = relativePath.Split('/');
        if (!parts[^1].EndsWith(".json", StringComparison.Ordinal) || parts[0] == SchemaFolder)
            return null;
        return parts switch
        {
            ["catalog", _] => Catalog,
            ["countries", "countries.json"] => Countries,
            ["lists", ..] => PartyList,
            [_, "workflows", _] => Workflow,
            [_, "tests", _] => PackTest,
            [_, "tests", "lists", _] => PartyList,
            [_, var name] => name switch
            {
                "pack.json" => Pack,
                "country-groups.json" => CountryGroups,
                "group-changes.json" => GroupChanges,
                "tiers.json" => Tiers,
                "classification.json" => Classification,
                "volumes.json" => Volumes,
                "end-use-terms.json" => EndUseTerms,
                "validated-end-users.json" => ValidatedEndUsers,
                "parties.json" => Parties,
                _ => null,
            },
            _ => null,
        };
    }
}
