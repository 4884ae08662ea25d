using System.Globalization;
using System.Text.Json;
using ChipScreen.Rules;

namespace ChipScreen.Volumes;

/// <summary>A pack's volume limits: TPP per consignee per calendar year, and the country allocation with its periods.</summary>
/// <param name="ConsigneeYearLimit">TPP per ultimate consignee per calendar year (LPP: 26,900,000).</param>
/// <param name="AllocationLimit">TPP per country per allocation period (790,000,000 for 2025-2027).</param>
/// <param name="AllocationTiers">The tiers whose countries have an allocation.</param>
/// <param name="AllocationPeriods">The allocation periods, by date.</param>
public sealed record VolumeLimits(
    decimal ConsigneeYearLimit,
    decimal AllocationLimit,
    IReadOnlySet<int> AllocationTiers,
    IReadOnlyList<AllocationPeriod> AllocationPeriods)
{
    /// <summary>The period covering <paramref name="date"/>, or null.</summary>
    public AllocationPeriod? PeriodOf(DateOnly date)
    {
        for (var i = 0; i < AllocationPeriods.Count; i++) // by index: foreach on the interface would box its enumerator on every line
        {
            var period = AllocationPeriods[i];
            if (period.From <= date && date <= period.To)
                return period;
        }
        return null;
    }

    /// <summary>Loads <c>volumes.json</c>.</summary>
    internal static VolumeLimits Load(JsonSource file, List<PackError> errors)
    {
        decimal Limit(string path, JsonElement parent, string name)
        {
            if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) && d >= 0)
                return d;
            if (file.IsValid)
                errors.Add(file.ValueError(path, parent, name, "a TPP volume, 0 or more"));
            return 0;
        }

        var root = file.Root;
        var consignee = root.TryGetProperty("consignee_year", out var c) ? c : default;
        var allocation = root.TryGetProperty("country_allocation", out var a) ? a : default;
        var consigneeLimit = Limit("$.consignee_year", consignee, "limit_tpp");
        var allocationLimit = Limit("$.country_allocation", allocation, "limit_tpp");

        var tiers = new HashSet<int>();
        if (allocation.ValueKind == JsonValueKind.Object && allocation.TryGetProperty("tiers", out var t) && t.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var tier in t.EnumerateArray())
            {
                if (tier.ValueKind == JsonValueKind.Number && tier.TryGetInt32(out var n) && n is >= 1 and <= 3)
                    tiers.Add(n);
                else
                    errors.Add(file.Error($"$.country_allocation.tiers[{i}]", PackErrorCodes.InvalidValue, "a tier is 1, 2 or 3"));
                i++;
            }
        }
        else if (file.IsValid)
        {
            errors.Add(file.Error("$.country_allocation", PackErrorCodes.MissingValue, "needs \"tiers\": the tiers whose countries have an allocation, e.g. [2]"));
        }

        var periods = new List<AllocationPeriod>();
        if (allocation.ValueKind == JsonValueKind.Object && allocation.TryGetProperty("periods", out var p) && p.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var period in p.EnumerateArray())
            {
                var path = $"$.country_allocation.periods[{i++}]";
                if (period.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(file.Error(path, PackErrorCodes.InvalidValue, "a period is an object: {\"id\", \"from\", \"to\"} (YYYY-MM-DD)"));
                    continue;
                }
                var id = period.TryGetProperty("id", out var pid) && pid.ValueKind == JsonValueKind.String ? pid.GetString() : null;
                var from = Date(period, "from");
                var to = Date(period, "to");
                if (string.IsNullOrWhiteSpace(id) || from is null || to is null)
                {
                    if (string.IsNullOrWhiteSpace(id))
                        errors.Add(file.ValueError(path, period, "id", "the period's name, e.g. \"2025-2027\""));
                    if (from is null)
                        errors.Add(file.ValueError(path, period, "from", "the period's first day, a date YYYY-MM-DD"));
                    if (to is null)
                        errors.Add(file.ValueError(path, period, "to", "the period's last day, a date YYYY-MM-DD"));
                    continue;
                }
                if (to < from)
                {
                    errors.Add(file.Error($"{path}.to", PackErrorCodes.ThresholdsOutOfOrder, $"period {id} ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})"));
                    continue;
                }
                if (periods.FirstOrDefault(x => x.From <= to && from <= x.To) is { } overlap)
                    errors.Add(file.Error(path, PackErrorCodes.ThresholdsOutOfOrder, $"period {id} overlaps period {overlap.Id}"));
                periods.Add(new AllocationPeriod(id!, from.Value, to.Value));
            }
        }
        else if (file.IsValid)
        {
            errors.Add(file.Error("$.country_allocation", PackErrorCodes.MissingValue, "needs \"periods\": [{\"id\", \"from\", \"to\"}]"));
        }
        return new VolumeLimits(consigneeLimit, allocationLimit, tiers, periods);

        static DateOnly? Date(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String &&
            DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }
}

/// <summary>A period of the country allocation.</summary>
/// <param name="Id">E.g. <c>2025-2027</c>.</param>
/// <param name="From">First day.</param>
/// <param name="To">Last day.</param>
public sealed record AllocationPeriod(string Id, DateOnly From, DateOnly To);
