using System.Collections.Frozen;
using System.Text.Json;
using ChipScreen.Rules;

namespace ChipScreen.Catalog;

/// <summary>The chip catalog: SKU to chip figures, loaded from <c>rules/catalog/*.json</c>.</summary>
/// <remarks>Immutable and thread-safe. SKUs match ignoring case and surrounding spaces.</remarks>
public sealed class ChipCatalog
{
    private readonly FrozenDictionary<string, ChipSpec> _bySku;

    internal ChipCatalog(IEnumerable<ChipSpec> chips)
    {
        _bySku = chips.ToFrozenDictionary(c => c.Sku, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every entry, by SKU.</summary>
    public IEnumerable<ChipSpec> Chips => _bySku.Values.OrderBy(c => c.Sku, StringComparer.Ordinal);

    /// <summary>The number of entries.</summary>
    public int Count => _bySku.Count;

    /// <summary>Finds a part by SKU.</summary>
    public bool TryFind(string sku, out ChipSpec spec)
    {
        if (_bySku.TryGetValue(sku, out spec!))
            return true;
        var trimmed = sku.Trim();
        return trimmed.Length != sku.Length && _bySku.TryGetValue(trimmed, out spec!);
    }

    /// <summary>Loads every catalog file, reporting each bad entry with its position.</summary>
    internal static ChipCatalog Load(IEnumerable<JsonSource> files, List<PackError> errors)
    {
        var chips = new Dictionary<string, (ChipSpec Spec, string Where)>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            if (!file.Root.TryGetProperty("chips", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                if (file.IsValid)
                    errors.Add(file.Error("$", PackErrorCodes.MissingValue, "a catalog file needs a \"chips\" array"));
                continue;
            }
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                var path = $"$.chips[{i++}]";
                if (Read(file, path, item, errors) is not { } spec)
                    continue;
                if (chips.TryGetValue(spec.Sku, out var first))
                    errors.Add(file.Error($"{path}.sku", PackErrorCodes.DuplicateSku, $"SKU {spec.Sku} is already defined at {first.Where}"));
                else
                    chips[spec.Sku] = (spec, $"{file.DisplayPath}:{file.Locate(path).Line}");
            }
        }
        return new ChipCatalog(chips.Values.Select(c => c.Spec));
    }

    private static ChipSpec? Read(JsonSource file, string path, JsonElement item, List<PackError> errors)
    {
        var before = errors.Count;
        string Text(string name, bool required)
        {
            if (item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()))
                return v.GetString()!.Trim();
            if (required)
                errors.Add(file.Error($"{path}.{name}", PackErrorCodes.MissingValue, $"catalog entry needs \"{name}\" (text)"));
            return "";
        }
        decimal? Number(string name, bool required, bool positive)
        {
            if (item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d))
            {
                if (d < 0 || (positive && d == 0))
                    errors.Add(file.Error($"{path}.{name}", PackErrorCodes.InvalidValue, $"\"{name}\" must be {(positive ? "greater than 0" : "0 or more")}, not {d}"));
                return d;
            }
            if (required || (item.TryGetProperty(name, out var present) && present.ValueKind != JsonValueKind.Null))
                errors.Add(file.Error($"{path}.{name}", PackErrorCodes.MissingValue, $"catalog entry needs \"{name}\" as a number{(required ? "" : " or null")}"));
            return null;
        }

        var sku = Text("sku", true);
        var name = Text("name", true);
        var vendor = Text("vendor", true);
        var source = Text("source", true);
        // A TPP of 0 meets no 3A090 criterion: the chip would be screened as uncontrolled. Refused, as a die area of 0 is.
        var tpp = Number("tpp", true, true);
        var die = Number("die_area_mm2", false, true);
        // The bounds an order row's die area is held outside of: a catalog figure outside them is a typing error too.
        if (die is { } area && area > 0 && area is < Screening.FactsBuilder.MinDieAreaMm2 or > Screening.FactsBuilder.MaxDieAreaMm2)
            errors.Add(file.Error($"{path}.die_area_mm2", PackErrorCodes.InvalidValue, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"\"die_area_mm2\" {area} is outside what a die can be: from {Screening.FactsBuilder.MinDieAreaMm2} mm² to {Screening.FactsBuilder.MaxDieAreaMm2:N0} mm², the area of a whole 300 mm wafer")));
        var bandwidth = Number("memory_bandwidth_gbs", false, true);
        var chipsPerUnit = Number("chips_per_unit", true, true);
        if (chipsPerUnit is { } cpu && cpu != decimal.Truncate(cpu))
            errors.Add(file.Error($"{path}.chips_per_unit", PackErrorCodes.InvalidValue, "\"chips_per_unit\" must be a whole number"));
        bool datacenter = false;
        if (!item.TryGetProperty("datacenter", out var dc) || dc.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            errors.Add(file.Error($"{path}.datacenter", PackErrorCodes.MissingValue, "catalog entry needs \"datacenter\": true or false"));
        else
            datacenter = dc.GetBoolean();

        if (errors.Count != before)
            return null;
        return new ChipSpec(sku, name, vendor, tpp!.Value, die, datacenter, (int)chipsPerUnit!.Value, bandwidth, source);
    }
}
