using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace ChipScreen.Rules;

/// <summary>The JSON Schemas of a rules directory (<c>schemas/*.schema.json</c>), and the check of a rule file against
/// the schema of its kind, with errors that name the file, line and column and say how to fix them.</summary>
/// <remarks>The same schemas serve editors (through each file's <c>$schema</c>) and <c>chipscreen rules validate</c>.
/// Thread-safe; schemas are read once per rules directory and kind.</remarks>
internal sealed class RuleFileSchemas
{
    private readonly string _rulesDirectory;
    private readonly ConcurrentDictionary<string, (JsonSchema Schema, JsonNode Raw)?> _schemas = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, RuleFileSchemas> s_byDirectory = new(StringComparer.Ordinal);

    public RuleFileSchemas(string rulesDirectory) => _rulesDirectory = rulesDirectory;

    /// <summary>The schemas of a rules directory, shared while its <c>schemas/</c> folder is unchanged; null when the
    /// directory has no <c>schemas/</c> folder (then the loader checks without them, and <c>rules validate</c> says so).</summary>
    public static RuleFileSchemas? For(string rulesDirectory)
    {
        var folder = new DirectoryInfo(Path.Combine(rulesDirectory, RuleFileKind.SchemaFolder));
        if (!folder.Exists)
            return null;
        var stamp = folder.GetFiles("*.json").Select(f => f.Name + ":" + f.LastWriteTimeUtc.Ticks + ":" + f.Length).Order(StringComparer.Ordinal);
        var key = folder.FullName + "|" + string.Join("|", stamp);
        if (s_byDirectory.Count > 64)
            s_byDirectory.Clear();
        return s_byDirectory.GetOrAdd(key, _ => new RuleFileSchemas(rulesDirectory));
    }

    /// <summary><paramref name="errors"/> without each schema violation at a spot (file, line, column) that another error
    /// names: the other check's message is the more specific.</summary>
    public static IEnumerable<PackError> WithoutEchoes(IReadOnlyCollection<PackError> errors)
    {
        var named = errors.Where(e => e.Code != PackErrorCodes.SchemaViolation).Select(e => (e.File, e.Line, e.Column)).ToHashSet();
        return errors.Where(e => e.Code != PackErrorCodes.SchemaViolation || !named.Contains((e.File, e.Line, e.Column)));
    }

    /// <summary>Checks <paramref name="file"/> (already parsed) against the schema of <paramref name="kind"/>; adds an error
    /// per violation.</summary>
    public void Check(JsonSource file, RuleFileKind kind, List<PackError> errors)
    {
        if (!file.IsValid)
            return;
        var loaded = Load(kind);
        if (loaded is not { } schema)
        {
            errors.Add(new PackError(file.DisplayPath, null, null, null, PackErrorCodes.SchemaMissing,
                $"cannot check the file: the schema {RuleFileKind.SchemaFolder}/{kind.SchemaFile} is missing or is not a JSON Schema; restore it from the ChipScreen repository"));
            return;
        }
        CheckReference(file, kind, errors);
        // One evaluation at a time per schema: the evaluator builds its constraints lazily, and loads may run in parallel.
        EvaluationResults results;
        lock (schema.Schema)
            results = schema.Schema.Evaluate(file.Root, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
            return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var details = results.Details ?? [];
        // Where a oneOf or anyOf holds (a date or null, say), the branches that did not match are no error.
        var held = details.Where(d => d.IsValid).Select(d => (d.EvaluationPath.ToString(), d.InstanceLocation.ToString())).ToHashSet();
        foreach (var detail in details)
        {
            if (detail.Errors is not { Count: > 0 } || detail.IsValid)
                continue;
            var evaluation = detail.EvaluationPath.ToString();
            // An "if" that does not hold is no error, only the choice of "then".
            if (evaluation.Contains("/if/", StringComparison.Ordinal) || evaluation.EndsWith("/if", StringComparison.Ordinal))
                continue;
            if (InHeldChoice(evaluation, detail.InstanceLocation.ToString(), held))
                continue;
            var path = ToPath(file.Root, detail.InstanceLocation.ToString());
            foreach (var (keyword, text) in detail.Errors)
            {
                var message = Explain(schema.Raw, evaluation, keyword, text, path, file.Root);
                if (seen.Add(path + "\n" + message))
                    errors.Add(file.Error(path, PackErrorCodes.SchemaViolation, message));
            }
        }
    }

    /// <summary>Whether a failure lies inside a branch of a oneOf or anyOf whose schema held, for the same value or one
    /// enclosing it (<paramref name="held"/>: the evaluation paths and instance locations that held).</summary>
    private static bool InHeldChoice(string evaluation, string instance, HashSet<(string, string)> held)
    {
        foreach (var combinator in (string[])["/oneOf/", "/anyOf/"])
        {
            for (var at = evaluation.IndexOf(combinator, StringComparison.Ordinal); at >= 0; at = evaluation.IndexOf(combinator, at + 1, StringComparison.Ordinal))
            {
                var choice = evaluation[..at];
                for (var location = instance; ; location = location[..location.LastIndexOf('/')])
                {
                    if (held.Contains((choice, location)))
                        return true;
                    if (location.Length == 0)
                        break;
                }
            }
        }
        return false;
    }

    /// <summary>A file's <c>$schema</c>, when given, must name the schema of its kind (a copied file often keeps the wrong one).</summary>
    private static void CheckReference(JsonSource file, RuleFileKind kind, List<PackError> errors)
    {
        if (file.Root.ValueKind != JsonValueKind.Object || !file.Root.TryGetProperty("$schema", out var reference) || reference.ValueKind != JsonValueKind.String)
            return;
        var named = reference.GetString()!.Replace('\\', '/');
        if (!named.EndsWith("/" + kind.SchemaFile, StringComparison.Ordinal) && named != kind.SchemaFile)
            errors.Add(file.Error("$.$schema", PackErrorCodes.SchemaViolation,
                $"\"$schema\" names \"{named}\", but this is a {kind.Name} file: point it at {RuleFileKind.SchemaFolder}/{kind.SchemaFile} (relative to this file)"));
    }

    private (JsonSchema Schema, JsonNode Raw)? Load(RuleFileKind kind) => _schemas.GetOrAdd(kind.SchemaFile, name =>
    {
        var path = Path.Combine(_rulesDirectory, RuleFileKind.SchemaFolder, name);
        try
        {
            var text = File.ReadAllText(path);
            // Each schema has its own registry, so that several rules directories (or reloads) never clash on $id.
            var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
            return (JsonSchema.FromText(text, options), JsonNode.Parse(text)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or JsonSchemaException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    });

    /// <summary>A JSON Pointer of the instance (<c>/Rules/3/Expression</c>) as a <see cref="JsonSource"/> path (<c>$.Rules[3].Expression</c>).</summary>
    internal static string ToPath(JsonElement root, string pointer)
    {
        var path = "$";
        var current = root;
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/").Replace("~0", "~");
            if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index) && index < current.GetArrayLength())
            {
                path += $"[{index}]";
                current = current[index];
            }
            else
            {
                path += "." + segment;
                current = current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var next) ? next : default;
            }
        }
        return path;
    }

    /// <summary>A sentence that says what is wrong and how to fix it, from the failing keyword and the schema around it.</summary>
    private static string Explain(JsonNode schema, string evaluationPath, string keyword, string text, string path, JsonElement root)
    {
        var node = Navigate(schema, evaluationPath);
        var parent = Navigate(schema, evaluationPath[..Math.Max(0, evaluationPath.LastIndexOf('/'))]);
        var name = path[(Math.Max(path.LastIndexOf('.'), path.LastIndexOf('[')) + 1)..].TrimEnd(']');
        if (evaluationPath.EndsWith("/additionalProperties", StringComparison.Ordinal) && parent?["properties"] is JsonObject properties)
        {
            var allowed = properties.Select(p => p.Key).Where(k => !k.StartsWith('$')).ToList();
            var guess = allowed.OrderBy(a => Distance(a, name)).FirstOrDefault();
            var hint = guess is not null && Distance(guess, name) <= Math.Max(2, name.Length / 3) ? $"did you mean \"{guess}\"? " : "";
            return $"unknown property \"{name}\": {hint}the properties here are {string.Join(", ", allowed.Select(a => "\"" + a + "\""))}";
        }
        if (evaluationPath.EndsWith("/additionalProperties", StringComparison.Ordinal) || evaluationPath.EndsWith("/propertyNames", StringComparison.Ordinal))
            return $"\"{name}\" is not allowed here ({Describe(node) ?? text})";
        var description = Describe(node);
        return keyword switch
        {
            "enum" when node?["enum"] is JsonArray values =>
                $"{Shown(path, root)} is not allowed: use one of {string.Join(", ", values.Select(v => v?.ToJsonString() ?? "null"))}",
            "const" when node?["const"] is { } value => $"{Shown(path, root)} must be {value.ToJsonString()}",
            "required" => $"{text.Replace("Required properties", "the required properties", StringComparison.Ordinal).Replace("are not present", "are missing", StringComparison.Ordinal)}; add them{(description is null ? "" : " (" + description + ")")}",
            "type" => $"{Shown(path, root)}: {text.Replace("Value is", "the value is", StringComparison.Ordinal)}{(description is null ? "" : " (" + description + ")")}",
            "pattern" => $"{Shown(path, root)} has the wrong form{(description is null ? "" : ": " + description)}",
            "minLength" => $"{Shown(path, root)} must not be empty",
            "maxItems" => $"{Shown(path, root)} must be empty{(description is null ? "" : ": " + description)}",
            _ => $"{Shown(path, root)}: {text}{(description is null ? "" : " (" + description + ")")}",
        };
    }

    private static string? Describe(JsonNode? node) => node?["description"]?.GetValue<string>();

    private static string Shown(string path, JsonElement root)
    {
        var name = path == "$" ? "the file" : path[2..];
        var value = Find(root, path);
        var text = value.ValueKind switch
        {
            JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => " " + value.GetRawText(),
            _ => "",
        };
        return $"{name}{text}";
    }

    private static JsonElement Find(JsonElement root, string path)
    {
        var current = root;
        foreach (var part in System.Text.RegularExpressions.Regex.Matches(path, @"\.([^.\[]+)|\[(\d+)\]").Cast<System.Text.RegularExpressions.Match>())
        {
            if (part.Groups[2].Success && current.ValueKind == JsonValueKind.Array && int.Parse(part.Groups[2].Value) < current.GetArrayLength())
                current = current[int.Parse(part.Groups[2].Value)];
            else if (part.Groups[1].Success && current.ValueKind == JsonValueKind.Object && current.TryGetProperty(part.Groups[1].Value, out var next))
                current = next;
            else
                return default;
        }
        return current;
    }

    /// <summary>Follows an evaluation path (<c>/properties/Rules/items/$ref/properties/Expression</c>) through the schema,
    /// resolving local <c>$ref</c>s.</summary>
    private static JsonNode? Navigate(JsonNode schema, string evaluationPath)
    {
        JsonNode? node = schema;
        foreach (var raw in evaluationPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/").Replace("~0", "~");
            if (node is null)
                return null;
            if (segment == "$ref" && node["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/", StringComparison.Ordinal))
            {
                node = Navigate(schema, reference[1..]);
                continue;
            }
            // The evaluator repeats some keywords in its paths ("items/items"); a segment the schema lacks is skipped.
            node = node switch
            {
                JsonObject o when o.ContainsKey(segment) => o[segment],
                JsonArray a when int.TryParse(segment, out var i) && i < a.Count => a[i],
                _ => node,
            };
        }
        return node;
    }

    /// <summary>The edit distance of two names, letter case aside (for "did you mean").</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
