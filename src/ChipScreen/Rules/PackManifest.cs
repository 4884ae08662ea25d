using System.Globalization;
using System.Text.Json;

namespace ChipScreen.Rules;

/// <summary>A pack's <c>pack.json</c>: who it is, when it is in force, and what it rests on.</summary>
/// <param name="Id">The pack id (its folder name), e.g. <c>ai-diffusion-2025</c>.</param>
/// <param name="Title">A human title.</param>
/// <param name="Version">The pack's own version.</param>
/// <param name="EffectiveFrom">First day the pack applies.</param>
/// <param name="EffectiveTo">First day it no longer applies, if any.</param>
/// <param name="Description">What the pack models.</param>
/// <param name="Sources">The legal sources, with Federal Register citations.</param>
public sealed record PackManifest(
    string Id,
    string Title,
    string Version,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    string Description,
    IReadOnlyList<PackSource> Sources)
{
    /// <summary>The id of the pack this one builds on (<c>"extends"</c>), or null for a pack that stands alone.</summary>
    /// <remarks>An extending pack's files replace the base pack's files of the same name; its workflow rules replace the
    /// base rules of the same <c>RuleName</c> in place, and new ones are added (see <see cref="RulePackLoader"/>).</remarks>
    public string? Extends { get; init; }

    /// <summary>Whether the pack is in force on <paramref name="date"/>.</summary>
    public bool InForceOn(DateOnly date) => EffectiveFrom <= date && (EffectiveTo is not { } to || date < to);

    /// <summary>The pack's dates as people read them: "in force from 2025-01-13 until 2026-01-15" (or "from ... on").</summary>
    public string InForceText => EffectiveTo is { } to
        ? string.Create(CultureInfo.InvariantCulture, $"in force from {EffectiveFrom:yyyy-MM-dd} until {to:yyyy-MM-dd}")
        : string.Create(CultureInfo.InvariantCulture, $"in force from {EffectiveFrom:yyyy-MM-dd} on");

    /// <summary>The warning for screening under this pack on <paramref name="asOf"/>; null when it is in force then.</summary>
    public string? WarningOn(DateOnly asOf) => InForceOn(asOf) ? null : string.Create(CultureInfo.InvariantCulture,
        $"pack {Id} is {InForceText}, not on the as-of date {asOf:yyyy-MM-dd}: these decisions follow its rules, not the rules in force on that date");

    /// <summary>Reads and checks a <c>pack.json</c>.</summary>
    internal static PackManifest? Read(JsonSource file, string folderName, List<PackError> errors)
    {
        if (!file.IsValid)
            return null;
        var root = file.Root;
        var before = errors.Count;
        string Text(string name)
        {
            if (root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()))
                return v.GetString()!.Trim();
            errors.Add(root.TryGetProperty(name, out var present) && present.ValueKind != JsonValueKind.Null
                ? file.ValueError("$", root, name, "text that is not empty")
                : file.Error($"$.{name}", PackErrorCodes.MissingValue, $"pack.json needs \"{name}\""));
            return "";
        }
        DateOnly? Date(string name, bool required)
        {
            if (root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String &&
                DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                return d;
            if (required || (root.TryGetProperty(name, out var present) && present.ValueKind != JsonValueKind.Null))
                errors.Add(file.Error($"$.{name}", PackErrorCodes.InvalidValue, $"\"{name}\" must be a date (YYYY-MM-DD){(required ? "" : " or null")}"));
            return null;
        }

        var id = Text("id");
        if (id.Length > 0 && id != folderName)
            errors.Add(file.Error("$.id", PackErrorCodes.InvalidValue, $"the pack id \"{id}\" must equal its folder name \"{folderName}\""));
        var title = Text("title");
        var version = Text("version");
        var description = root.TryGetProperty("description", out var desc) && desc.ValueKind == JsonValueKind.String ? desc.GetString()! : "";
        var from = Date("effective_from", true);
        var to = Date("effective_to", false);
        if (from is { } f && to is { } t && t <= f)
            errors.Add(file.Error("$.effective_to", PackErrorCodes.ThresholdsOutOfOrder, $"effective_to {t:yyyy-MM-dd} must come after effective_from {f:yyyy-MM-dd}"));

        string? extends = null;
        if (root.TryGetProperty("extends", out var ext) && ext.ValueKind != JsonValueKind.Null)
        {
            if (ext.ValueKind == JsonValueKind.String && ext.GetString()!.Trim() is { Length: > 0 } baseId && baseId != id)
                extends = baseId;
            else
                errors.Add(file.Error("$.extends", PackErrorCodes.InvalidValue, "\"extends\" names the id of another pack in this rules directory (e.g. \"ac-2023\"), or is null"));
        }

        var sources = new List<PackSource>();
        if (root.TryGetProperty("sources", out var s) && s.ValueKind == JsonValueKind.Array && s.GetArrayLength() > 0)
        {
            var i = 0;
            foreach (var src in s.EnumerateArray())
            {
                var path = $"$.sources[{i++}]";
                var citation = src.TryGetProperty("citation", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "";
                var stitle = src.TryGetProperty("title", out var st) && st.ValueKind == JsonValueKind.String ? st.GetString()! : "";
                if (citation.Length == 0 || stitle.Length == 0)
                {
                    errors.Add(file.Error(path, PackErrorCodes.MissingValue, "a source needs \"citation\" (e.g. \"90 FR 4544\") and \"title\""));
                    continue;
                }
                var date = src.TryGetProperty("date", out var sd) && sd.ValueKind == JsonValueKind.String ? sd.GetString() : null;
                var url = src.TryGetProperty("url", out var su) && su.ValueKind == JsonValueKind.String ? su.GetString() : null;
                sources.Add(new PackSource(citation, stitle, date, url));
            }
        }
        else
        {
            errors.Add(file.Error("$.sources", PackErrorCodes.MissingValue, "pack.json needs \"sources\": the regulations the pack models, with Federal Register citations"));
        }
        return errors.Count == before ? new PackManifest(id, title, version, from!.Value, to, description, sources) { Extends = extends } : null;
    }
}

/// <summary>A legal source of a pack.</summary>
/// <param name="Citation">E.g. <c>90 FR 4544</c> or <c>15 CFR 740.29</c>.</param>
/// <param name="Title">The document's title.</param>
/// <param name="Date">Publication date, as written.</param>
/// <param name="Url">Where to read it.</param>
public sealed record PackSource(string Citation, string Title, string? Date, string? Url);
