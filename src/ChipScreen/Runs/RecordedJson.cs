using System.Text.Json;

namespace ChipScreen.Runs;

/// <summary>Reading what a run recorded.</summary>
internal static class RecordedJson
{
    /// <summary>The member <paramref name="name"/> of an object, or a <see cref="FormatException"/> naming it (where
    /// <see cref="JsonElement.GetProperty(string)"/> throws without the name).</summary>
    public static JsonElement Member(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new FormatException($"no \"{name}\" where it was recorded");
}
