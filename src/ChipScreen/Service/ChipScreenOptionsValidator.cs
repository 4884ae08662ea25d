using System.Globalization;
using Microsoft.Extensions.Options;

namespace ChipScreen.Service;

/// <summary>Checks <see cref="ChipScreenOptions"/> against their limits and reports every value out of range at once.</summary>
internal sealed class ChipScreenOptionsValidator : IValidateOptions<ChipScreenOptions>
{
    public ValidateOptionsResult Validate(string? name, ChipScreenOptions options)
    {
        var failures = Failures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Failures(ChipScreenOptions o)
    {
        const string s = ChipScreenOptions.SectionName;
        if (string.IsNullOrWhiteSpace(o.RulesDirectory))
            yield return $"{s}:RulesDirectory is empty; give the rules directory (default 'rules')";
        if (o.PackId is { } id && !IsPackId(id))
            yield return $"{s}:PackId '{id}' is not a pack id; use the pack's folder name (letters, digits, '-', '_', '.'), or leave it out for the pack in force";
        if (o.DegreeOfParallelism is < 0 or > ChipScreenOptions.MaxDegreeOfParallelism)
            yield return Invariant($"{s}:DegreeOfParallelism is {o.DegreeOfParallelism}; allowed 0 (one per processor) to {ChipScreenOptions.MaxDegreeOfParallelism}");
        if (o.ReloadDebounce < ChipScreenOptions.MinReloadDebounce || o.ReloadDebounce > ChipScreenOptions.MaxReloadDebounce)
            yield return Invariant($"{s}:ReloadDebounce is {o.ReloadDebounce}; allowed {ChipScreenOptions.MinReloadDebounce} to {ChipScreenOptions.MaxReloadDebounce}");
        if (o.MaxBatchLines is < 1 or > ChipScreenOptions.MaxBatchLinesLimit)
            yield return Invariant($"{s}:MaxBatchLines is {o.MaxBatchLines}; allowed 1 to {ChipScreenOptions.MaxBatchLinesLimit}");
        if (o.Ledger is { } ledger)
            foreach (var problem in new Ledger.LedgerOptions(ledger).Validate())
                yield return $"{s}:Ledger: {problem}";
    }

    /// <summary>A folder name without separators or dots alone, so a pack id never leaves the rules directory.</summary>
    private static bool IsPackId(string id) =>
        id.Length is > 0 and <= 100 && id.Trim('.').Length > 0 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
