using System.Text.Json;
using ChipScreen.Rules;

namespace ChipScreen.Classification;

/// <summary>The ECCN 3A090 thresholds of a pack: the criteria of paragraphs .a and .b and the non-datacenter floor.</summary>
/// <param name="A">A chip meeting any of these is 3A090.a.</param>
/// <param name="B">A chip meeting any of these (and no .a criterion) is 3A090.b.</param>
/// <param name="NonDatacenterTppMin">A part not designed or marketed for datacenters is outside 3A090 below this TPP.</param>
public sealed record ClassificationThresholds(IReadOnlyList<Criterion> A, IReadOnlyList<Criterion> B, decimal NonDatacenterTppMin)
{
    /// <summary>Loads <c>classification.json</c>, checking that every range is in order.</summary>
    internal static ClassificationThresholds Load(JsonSource file, List<PackError> errors)
    {
        var a = ReadCriteria(file, "a", errors);
        var b = ReadCriteria(file, "b", errors);
        decimal floor = 0;
        if (file.Root.TryGetProperty("non_datacenter_tpp_min", out var f) && f.ValueKind == JsonValueKind.Number && f.TryGetDecimal(out var d) && d >= 0)
            floor = d;
        else if (file.IsValid)
            errors.Add(file.ValueError("$", file.Root, "non_datacenter_tpp_min",
                "the TPP below which a part not designed for datacenters is outside 3A090 (4800), 0 or more"));
        return new ClassificationThresholds(a, b, floor);
    }

    private static List<Criterion> ReadCriteria(JsonSource file, string paragraph, List<PackError> errors)
    {
        var criteria = new List<Criterion>();
        if (!file.Root.TryGetProperty(paragraph, out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            if (file.IsValid)
                errors.Add(file.Error("$", PackErrorCodes.MissingValue, $"needs \"{paragraph}\": a non-empty array of criteria such as {{\"tpp_min\": 4800}}"));
            return criteria;
        }
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var path = $"$.{paragraph}[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(file.Error(path, PackErrorCodes.InvalidValue, $"a criterion is an object such as {{\"tpp_min\": 4800}}, not {item.GetRawText()}"));
                continue;
            }
            decimal? Read(string name)
            {
                if (!item.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
                    return null;
                if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) && d >= 0)
                    return d;
                errors.Add(file.Error($"{path}.{name}", PackErrorCodes.InvalidValue, $"\"{name}\" must be a number, 0 or more"));
                return null;
            }
            var tppMin = Read("tpp_min");
            var tppBelow = Read("tpp_below");
            var pdMin = Read("pd_min");
            var pdBelow = Read("pd_below");
            if (tppMin is null)
            {
                if (item.TryGetProperty("tpp_min", out var written) && written.ValueKind != JsonValueKind.Null)
                    continue; // there, but not a number: already reported
                errors.Add(file.Error(path, PackErrorCodes.MissingValue, "each criterion needs \"tpp_min\""));
                continue;
            }
            if (tppBelow is { } tb && tb <= tppMin)
                errors.Add(file.Error($"{path}.tpp_below", PackErrorCodes.ThresholdsOutOfOrder, $"tpp_below {tb} must be greater than tpp_min {tppMin}"));
            // No chip has a density below 0: a pd_below of 0 would make the criterion match none (less control, not more).
            if (pdBelow == 0)
                errors.Add(file.Error($"{path}.pd_below", PackErrorCodes.InvalidValue, "\"pd_below\" is 0, so the criterion matches no chip; it must be greater than 0 (and than pd_min)"));
            else if (pdMin is { } pm && pdBelow is { } pb && pb <= pm)
                errors.Add(file.Error($"{path}.pd_below", PackErrorCodes.ThresholdsOutOfOrder, $"pd_below {pb} must be greater than pd_min {pm}"));
            criteria.Add(new Criterion(tppMin.Value, tppBelow, pdMin, pdBelow));
        }
        return criteria;
    }
}
