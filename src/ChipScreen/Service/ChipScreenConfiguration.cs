using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChipScreen.Service;

/// <summary>Binds <see cref="ChipScreenOptions"/> from configuration one key at a time, and reports every key that names
/// no option or holds a value of the wrong kind with the values out of range (<see cref="ChipScreenOptionsValidator"/>),
/// in one <see cref="OptionsValidationException"/> at start-up.</summary>
/// <remarks>The configuration binder stops at its first problem and throws <see cref="InvalidOperationException"/>, so
/// a host saw one mistake at a time, and not as the exception the options' other problems come as.</remarks>
internal sealed class ChipScreenConfiguration(IConfiguration configuration) : IValidateOptions<ChipScreenOptions>
{
    private static readonly PropertyInfo[] s_options = typeof(ChipScreenOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite).ToArray();

    private readonly List<string> _problems = [];

    /// <summary>Sets each option its key gives; a key that cannot be used is kept as a problem instead.</summary>
    public void Bind(ChipScreenOptions options)
    {
        lock (_problems)
        {
            _problems.Clear();
            foreach (var key in configuration.GetChildren().OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase))
            {
                var option = s_options.FirstOrDefault(p => string.Equals(p.Name, key.Key, StringComparison.OrdinalIgnoreCase));
                if (option is null)
                {
                    _problems.Add($"{key.Path} is not a ChipScreen setting; the settings are {string.Join(", ", s_options.Select(p => p.Name))}");
                    continue;
                }
                try
                {
                    if (key.Get(option.PropertyType, binder => binder.ErrorOnUnknownConfiguration = true) is { } value)
                        option.SetValue(options, value);
                }
                catch (InvalidOperationException)
                {
                    _problems.Add($"{key.Path} is '{key.Value}', which is not {Kind(option.PropertyType)}");
                }
            }
        }
    }

    public ValidateOptionsResult Validate(string? name, ChipScreenOptions options)
    {
        lock (_problems)
            return _problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail([.. _problems]);
    }

    private static string Kind(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(DateOnly) => "a date (YYYY-MM-DD)",
        var t when t == typeof(int) => "a whole number",
        var t when t == typeof(bool) => "true or false",
        var t when t == typeof(TimeSpan) => "a time span (hh:mm:ss)",
        var t when t == typeof(IList<string>) => "a list of text",
        var t => t.Name,
    };
}
