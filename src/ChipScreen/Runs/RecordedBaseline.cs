using System.Text.Json;
using ChipScreen.Volumes;

namespace ChipScreen.Runs;

/// <summary>The volumes a run found before its batch, as its report.json recorded them (<c>volumes.*.before</c>): what
/// lets <c>chipscreen verify</c> reproduce a run that counted after a ledger, without the ledger.</summary>
/// <remarks>A run records every account it asked for, so a re-screening of the same input asks for no other; any other
/// counts from zero. Immutable; thread-safe.</remarks>
internal sealed class RecordedBaseline : IVolumeBaseline
{
    private readonly Dictionary<(string, string), decimal> _consignee = [];
    private readonly Dictionary<(string, string), decimal> _country = [];

    /// <summary>The baseline report.json's root records.</summary>
    /// <exception cref="FormatException">A recorded volume is missing a member.</exception>
    public static RecordedBaseline Read(JsonElement report)
    {
        var baseline = new RecordedBaseline();
        if (!report.TryGetProperty("volumes", out var volumes))
            return baseline;
        // Keyed again as this ChipScreen keys consignees: a run recorded before legal forms were folded ("LIMITED") or
        // look-alike letters read as Latin ("SМIC" with a Cyrillic М) is re-screened under the keys its ledger was migrated
        // to ("LTD", "SMIC"), where the spellings of one consignee are one. report.json records the key alone, so the one
        // key that cannot be keyed again as its name is (see PartyNames: "ACMELІMITED", run together with a look-alike in
        // its legal form, keys "ACMELIMITED" where the name keys "ACMELTD") counts from zero in the re-screening: verify
        // then reports the lines whose decisions differ, and never passes a run it did not reproduce.
        foreach (var t in volumes.Member("consignee_year").EnumerateArray())
        {
            var key = (Parties.PartyNames.Key(t.Member("consignee").GetString()!), t.Member("year").GetString()!);
            baseline._consignee[key] = baseline._consignee.GetValueOrDefault(key) + t.Member("before").GetDecimal();
        }
        foreach (var t in volumes.Member("country_allocation").EnumerateArray())
            baseline._country[(t.Member("country").GetString()!, t.Member("period").GetString()!)] = t.Member("before").GetDecimal();
        return baseline;
    }

    public decimal ConsigneeYear(string consigneeKey, int year) =>
        _consignee.GetValueOrDefault((consigneeKey, year.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public decimal CountryAllocation(string country, string period) => _country.GetValueOrDefault((country, period));
}
