using ChipScreen.Parties;

namespace ChipScreen.Server.Contracts;

/// <summary>A party of the order (end user or consignee) that matches, may match, or was cleared against a
/// restricted-party list entry: what a person reviewing a HOLD compares.</summary>
/// <param name="Role">end_user or consignee.</param>
/// <param name="Name">The party's name as the order gave it.</param>
/// <param name="Country">The party's country used for screening (ISO code), or null.</param>
/// <param name="List">The list: entity_list, denied_persons, unverified, military_end_user, sdn, ofac_non_sdn,
/// state_department, internal_deny or other.</param>
/// <param name="EntryId">The entry's id.</param>
/// <param name="EntryName">The entry's listed name.</param>
/// <param name="EntryHash">The entry's content hash (what a "not a match" disposition names).</param>
/// <param name="MatchedName">The entry's name that matched best: its name, an alias or an added name.</param>
/// <param name="MatchedAs">name, alias or added name.</param>
/// <param name="Score">0 to 100.</param>
/// <param name="Verdict">match, review (a potential match: a person compares them) or cleared (by a disposition).</param>
/// <param name="FederalRegisterNotice">The entry's Federal Register notices, or null.</param>
/// <param name="LicensePolicy">The entry's license review policy as published, or null.</param>
/// <param name="Policy">Its kind (denial, case_by_case, approval or unknown), or null.</param>
/// <param name="Explanation">How the names compared; for a cleared candidate, who cleared it, when and why.</param>
internal sealed record PartyMatchResponse(
    string Role,
    string Name,
    string? Country,
    string List,
    string EntryId,
    string EntryName,
    string EntryHash,
    string MatchedName,
    string MatchedAs,
    int Score,
    string Verdict,
    string? FederalRegisterNotice,
    string? LicensePolicy,
    string? Policy,
    string Explanation)
{
    public static PartyMatchResponse From(PartyMatch m) =>
        new(m.Role, m.Name, NullIfEmpty(m.Country), m.List, m.EntryId, m.EntryName, m.EntryHash, m.MatchedName, m.MatchedAs, m.Score,
            m.Verdict, NullIfEmpty(m.FederalRegisterNotice), NullIfEmpty(m.LicensePolicy), NullIfEmpty(m.Policy), m.Explanation);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
