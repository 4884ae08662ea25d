using System.Globalization;
using Microsoft.Extensions.Options;

namespace ChipScreen.Server;

/// <summary>Checks <see cref="ChipScreenServerOptions"/> and reports every failure at once.</summary>
internal sealed class ChipScreenServerOptionsValidator : IValidateOptions<ChipScreenServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ChipScreenServerOptions options)
    {
        var failures = Failures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Failures(ChipScreenServerOptions o)
    {
        const string s = ChipScreenServerOptions.SectionName;
        if (o.ApiKeys.Count == 0)
            yield return $"{s}:ApiKeys is empty; the screening endpoints need at least one key (a Name and the Sha256 of the key)";
        var names = new HashSet<string>(StringComparer.Ordinal);
        var hashes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < o.ApiKeys.Count; i++)
        {
            var key = o.ApiKeys[i];
            if (key is null)
            {
                yield return Invariant($"{s}:ApiKeys:{i} is empty");
                continue;
            }
            if (string.IsNullOrWhiteSpace(key.Name))
                yield return Invariant($"{s}:ApiKeys:{i}:Name is empty; name who holds the key");
            else if (!names.Add(key.Name))
                yield return Invariant($"{s}:ApiKeys:{i}:Name '{key.Name}' is used twice");
            if (key.Sha256 is not { Length: 64 } || !key.Sha256.All(char.IsAsciiHexDigit))
                yield return Invariant($"{s}:ApiKeys:{i}:Sha256 is not a SHA-256 in hex (64 hex digits); store the hash of the key, not the key");
            else if (!hashes.Add(key.Sha256))
                yield return Invariant($"{s}:ApiKeys:{i}:Sha256 is the hash of a key already listed");
        }
        if (o.MaxOrderBytes < ChipScreenServerOptions.MinBodyBytes || o.MaxOrderBytes > ChipScreenServerOptions.MaxOrderBytesLimit)
            yield return Invariant($"{s}:MaxOrderBytes is {o.MaxOrderBytes}; allowed {ChipScreenServerOptions.MinBodyBytes} to {ChipScreenServerOptions.MaxOrderBytesLimit}");
        if (o.MaxBatchBytes < ChipScreenServerOptions.MinBodyBytes || o.MaxBatchBytes > ChipScreenServerOptions.MaxBatchBytesLimit)
            yield return Invariant($"{s}:MaxBatchBytes is {o.MaxBatchBytes}; allowed {ChipScreenServerOptions.MinBodyBytes} to {ChipScreenServerOptions.MaxBatchBytesLimit}");
        if (o.MaxConcurrentBatches is < 1 or > ChipScreenServerOptions.MaxConcurrentBatchesLimit)
            yield return Invariant($"{s}:MaxConcurrentBatches is {o.MaxConcurrentBatches}; allowed 1 to {ChipScreenServerOptions.MaxConcurrentBatchesLimit}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
