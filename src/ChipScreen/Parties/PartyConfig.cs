using System.Text.Json;
using ChipScreen.Rules;

namespace ChipScreen.Parties;

/// <summary>A pack's <c>parties.json</c>: the match and review thresholds and the list files it screens against.</summary>
/// <remarks>
/// <code>{ "match_threshold": 88, "review_threshold": 75, "lists": ["lists/entity-list-ai-chips.json"] }</code>
/// List paths are relative to the rules directory. The file is optional: without it a pack screens against no list of
/// its own, at the default thresholds (<c>--list</c> files still apply).
/// </remarks>
internal static class PartyConfig
{
    /// <summary>The file name in a pack folder.</summary>
    public const string FileName = "parties.json";

    /// <summary>Reads the thresholds and the list paths (absolute); problems go to <paramref name="errors"/>.</summary>
    public static (PartyThresholds Thresholds, List<string> Lists) Load(JsonSource file, string rulesDirectory, List<PackError> errors)
    {
        var lists = new List<string>();
        if (!file.IsValid)
            return (PartyThresholds.Default, lists);
        var match = Threshold(file, "match_threshold", PartyThresholds.Default.Match, errors);
        var review = Threshold(file, "review_threshold", PartyThresholds.Default.Review, errors);
        var thresholds = new PartyThresholds(match, review);
        if (thresholds.Problem() is { } problem)
        {
            errors.Add(file.Error("$.review_threshold", PackErrorCodes.ThresholdsOutOfOrder, problem));
            thresholds = PartyThresholds.Default;
        }
        if (file.Root.TryGetProperty("lists", out var array))
        {
            if (array.ValueKind != JsonValueKind.Array)
            {
                errors.Add(file.Error("$.lists", PackErrorCodes.InvalidValue, "\"lists\" must be an array of file paths relative to the rules directory"));
                return (thresholds, lists);
            }
            var i = 0;
            foreach (var item in array.EnumerateArray())
            {
                var path = $"$.lists[{i++}]";
                if (item.ValueKind != JsonValueKind.String || item.GetString()!.Trim().Length == 0)
                {
                    errors.Add(file.Error(path, PackErrorCodes.InvalidValue, "a list must be a file path relative to the rules directory"));
                    continue;
                }
                var full = Path.GetFullPath(Path.Combine(rulesDirectory, item.GetString()!.Trim()));
                if (!File.Exists(full))
                    errors.Add(file.Error(path, PackErrorCodes.FileMissing, $"the list \"{item.GetString()}\" does not exist (paths are relative to the rules directory)"));
                else
                    lists.Add(full);
            }
        }
        return (thresholds, lists);
    }

    private static int Threshold(JsonSource file, string key, int fallback, List<PackError> errors)
    {
        if (!file.Root.TryGetProperty(key, out var value))
            return fallback;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n is >= 1 and <= 100)
            return n;
        errors.Add(file.Error($"$.{key}", PackErrorCodes.InvalidValue, $"\"{key}\" must be a whole number from 1 to 100"));
        return fallback;
    }
}
