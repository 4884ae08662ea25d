using System.Globalization;
using System.Text.Json;
using ChipScreen.Orders;
using ChipScreen.Screening;

namespace ChipScreen.Rules;

/// <summary>A pack's test file (<c>&lt;pack&gt;/tests/*.json</c>): an as-of date, extra restricted-party lists and cases.</summary>
/// <param name="Path">The file, relative to the rules directory.</param>
/// <param name="AsOf">The as-of date of its cases, or null for the pack's <c>effective_from</c>.</param>
/// <param name="Lists">Extra list files (absolute paths) screened in its cases, as <c>--list</c>.</param>
/// <param name="Cases">The cases, in file order.</param>
public sealed record PackTestFile(string Path, DateOnly? AsOf, IReadOnlyList<string> Lists, IReadOnlyList<PackTestCase> Cases)
{
    /// <summary>Validated end users added to the pack's for these cases (a pack may ship none, yet its VEU rule needs a test).</summary>
    public IReadOnlyList<Parties.ValidatedEndUser> ValidatedEndUsers { get; init; } = [];

    /// <summary>Reads a test file; every problem becomes an error naming the file and position.</summary>
    internal static PackTestFile? Read(JsonSource file, List<PackError> errors)
    {
        if (!file.IsValid)
            return null;
        var before = errors.Count;
        var root = file.Root;
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(file.Error("$", PackErrorCodes.PackTestInvalid, "a test file is an object with \"cases\""));
            return null;
        }
        DateOnly? asOf = null;
        if (root.TryGetProperty("as_of", out var a))
        {
            if (a.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(a.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                asOf = d;
            else
                errors.Add(file.Error("$.as_of", PackErrorCodes.PackTestInvalid, "\"as_of\" must be a date (YYYY-MM-DD)"));
        }
        var lists = new List<string>();
        if (root.TryGetProperty("lists", out var l) && l.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in l.EnumerateArray())
            {
                var full = item.ValueKind == JsonValueKind.String ? System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(file.FullPath)!, item.GetString()!)) : "";
                if (full.Length == 0 || !File.Exists(full))
                    errors.Add(file.Error($"$.lists[{i}]", PackErrorCodes.FileMissing, $"the list {item} does not exist (paths are relative to the test file)"));
                else
                    lists.Add(full);
                i++;
            }
        }
        var veu = new List<Parties.ValidatedEndUser>();
        if (root.TryGetProperty("validated_end_users", out var v) && v.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in v.EnumerateArray())
            {
                var name = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("name", out var vn) && vn.ValueKind == JsonValueKind.String ? vn.GetString()!.Trim() : "";
                var citation = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("citation", out var vc) && vc.ValueKind == JsonValueKind.String ? vc.GetString()!.Trim() : "";
                var countries = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("countries", out var cs) && cs.ValueKind == JsonValueKind.Array
                    ? cs.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : "").ToHashSet(StringComparer.Ordinal)
                    : [];
                if (name.Length == 0 || citation.Length == 0 || countries.Any(x => x.Length != 2 || !x.All(char.IsAsciiLetterUpper)))
                    errors.Add(file.Error($"$.validated_end_users[{i}]", PackErrorCodes.PackTestInvalid, "a validated end user needs \"name\", \"citation\" and optional \"countries\" (ISO codes)"));
                else
                    veu.Add(new Parties.ValidatedEndUser(name, countries, citation));
                i++;
            }
        }
        var cases = new List<PackTestCase>();
        if (!root.TryGetProperty("cases", out var c) || c.ValueKind != JsonValueKind.Array || c.GetArrayLength() == 0)
        {
            errors.Add(file.Error("$", PackErrorCodes.PackTestInvalid, "a test file needs \"cases\": a non-empty array of {\"name\", \"line\", \"expect\"}"));
            return null;
        }
        var n = 0;
        foreach (var item in c.EnumerateArray())
        {
            var path = $"$.cases[{n++}]";
            if (ReadCase(file, path, item, errors) is { } testCase)
                cases.Add(testCase);
        }
        return errors.Count == before ? new PackTestFile(file.DisplayPath, asOf, lists, cases) { ValidatedEndUsers = veu } : null;
    }

    private static PackTestCase? ReadCase(JsonSource file, string path, JsonElement item, List<PackError> errors)
    {
        var before = errors.Count;
        var name = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("name", out var nm) && nm.ValueKind == JsonValueKind.String ? nm.GetString()! : "";
        if (name.Trim().Length == 0)
            errors.Add(file.Error(path, PackErrorCodes.PackTestInvalid, "a case needs a \"name\" that says what it shows"));
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("line", out var lineJson) || lineJson.ValueKind != JsonValueKind.Object)
        {
            errors.Add(file.Error(path, PackErrorCodes.PackTestInvalid, "a case needs a \"line\": an order line with the order CSV's columns as properties"));
            return null;
        }
        var order = OrderJson.Read(lineJson);
        // A misspelt field would test something else than meant; bad values are what a case may test, but not unknown fields.
        foreach (var issue in order.Issues.Where(i => i.Code == IssueCodes.UnknownField))
            errors.Add(file.Error($"{path}.line.{issue.Field}", PackErrorCodes.PackTestInvalid, $"\"{issue.Field}\" {issue.Detail}; check its spelling"));

        if (!item.TryGetProperty("expect", out var expect) || expect.ValueKind != JsonValueKind.Object)
        {
            errors.Add(file.Error(path, PackErrorCodes.PackTestInvalid, "a case needs \"expect\" with at least \"decision\""));
            return null;
        }
        var epath = $"{path}.expect";
        var decisionText = expect.TryGetProperty("decision", out var dj) && dj.ValueKind == JsonValueKind.String ? dj.GetString() : null;
        if (!DecisionText.TryParse(decisionText, out var decision))
            errors.Add(file.Error($"{epath}.decision", PackErrorCodes.DecisionInvalid, $"expected decision \"{decisionText}\" is not one of PROHIBITED, HOLD, LICENSE_REQUIRED, LICENSE_EXCEPTION, NLR"));
        string? exception = null;
        if (expect.TryGetProperty("exception", out var ej))
        {
            if (ej.ValueKind == JsonValueKind.Null)
                exception = "";
            else if (ej.ValueKind == JsonValueKind.String && DecisionText.LicenseExceptions.Contains(ej.GetString()!))
                exception = ej.GetString();
            else
                errors.Add(file.Error($"{epath}.exception", PackErrorCodes.ExceptionInvalid, $"expected exception {ej} is not one of {string.Join(", ", DecisionText.LicenseExceptions.Order())} or null"));
        }
        string? eccn = null;
        if (expect.TryGetProperty("eccn", out var cj))
        {
            if (cj.ValueKind == JsonValueKind.String && cj.GetString() is "" or "3A090.a" or "3A090.b" or "4A090.a" or "4A090.b")
                eccn = cj.GetString();
            else
                errors.Add(file.Error($"{epath}.eccn", PackErrorCodes.PackTestInvalid, $"expected eccn {cj} is not one of 3A090.a, 3A090.b, 4A090.a, 4A090.b or \"\""));
        }
        int? tier = null;
        if (expect.TryGetProperty("tier", out var tj))
        {
            if (tj.ValueKind == JsonValueKind.Null)
                tier = 0;
            else if (tj.ValueKind == JsonValueKind.Number && tj.TryGetInt32(out var t) && t is >= 1 and <= 3)
                tier = t;
            else
                errors.Add(file.Error($"{epath}.tier", PackErrorCodes.PackTestInvalid, "expected tier must be 1, 2, 3 or null"));
        }
        List<string>? rules = null;
        if (expect.TryGetProperty("rule_ids", out var rj))
        {
            if (rj.ValueKind == JsonValueKind.Array && rj.EnumerateArray().All(r => r.ValueKind == JsonValueKind.String))
                rules = rj.EnumerateArray().Select(r => r.GetString()!).ToList();
            else
                errors.Add(file.Error($"{epath}.rule_ids", PackErrorCodes.PackTestInvalid, "expected rule_ids is an array of rule ids, e.g. [\"A4\"]"));
        }
        if (errors.Count != before)
            return null;
        return new PackTestCase(name.Trim(), file.DisplayPath, file.Locate(path).Line, order, new PackTestExpectation(decision, exception, eccn, tier, rules));
    }
}
