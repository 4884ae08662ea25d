using System.Text;
using System.Text.Json;

namespace ChipScreen.Rules;

/// <summary>The outcome of validating a rules directory: each pack, and every error once.</summary>
/// <param name="RulesDirectory">The directory validated.</param>
/// <param name="Packs">Each pack, by id.</param>
/// <param name="Errors">Every error of the directory, each once, sorted by file and position.</param>
public sealed record RulesValidation(string RulesDirectory, IReadOnlyList<PackValidation> Packs, IReadOnlyList<PackError> Errors)
{
    /// <summary>Whether every pack and shared file is free of errors.</summary>
    public bool Valid => Errors.Count == 0;

    /// <summary>The report as text: one line per error (<c>file:line:column: rule X: message [code]</c>), then each pack.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        foreach (var error in Errors)
            sb.Append(error).Append('\n');
        if (Errors.Count > 0)
            sb.Append('\n');
        foreach (var pack in Packs)
            sb.Append(pack.Valid ? $"ok      {pack.Id} ({pack.Rules} rules)" : $"INVALID {pack.Id} ({pack.Errors.Count} error{(pack.Errors.Count == 1 ? "" : "s")})").Append('\n');
        sb.Append(Valid
            ? $"valid: {Packs.Count} pack{(Packs.Count == 1 ? "" : "s")} in {RulesDirectory}\n"
            : $"{Errors.Count} error{(Errors.Count == 1 ? "" : "s")} in {RulesDirectory}\n");
        return sb.ToString();
    }

    /// <summary>The report as JSON (for CI): <c>valid</c>, <c>packs</c> and <c>errors</c> with file, line, column, rule,
    /// code and message. Deterministic.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteBoolean("valid", Valid);
            w.WriteString("rules_directory", RulesDirectory);
            w.WriteStartArray("packs");
            foreach (var pack in Packs)
            {
                w.WriteStartObject();
                w.WriteString("id", pack.Id);
                w.WriteBoolean("valid", pack.Valid);
                w.WriteNumber("rules", pack.Rules);
                w.WriteNumber("errors", pack.Errors.Count);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("errors");
            foreach (var error in Errors)
                WriteError(w, error);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    internal static void WriteError(Utf8JsonWriter w, PackError error)
    {
        w.WriteStartObject();
        w.WriteString("file", error.File);
        if (error.Line is { } line) w.WriteNumber("line", line); else w.WriteNull("line");
        if (error.Column is { } column) w.WriteNumber("column", column); else w.WriteNull("column");
        if (error.RuleId is { } rule) w.WriteString("rule_id", rule); else w.WriteNull("rule_id");
        w.WriteString("code", error.Code);
        w.WriteString("message", error.Message);
        w.WriteEndObject();
    }
}
