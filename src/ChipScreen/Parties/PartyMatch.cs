namespace ChipScreen.Parties;

/// <summary>A party of an order line (end user or consignee) that matches, may match, or was cleared against a list entry:
/// what an audit shows for each decision.</summary>
/// <param name="Role">"end_user" or "consignee".</param>
/// <param name="Name">The party's name as the order gave it.</param>
/// <param name="Country">The party's country used for screening (ISO code, or empty).</param>
/// <param name="List">The list's code (<see cref="ListCodes"/>).</param>
/// <param name="EntryId">The entry's id.</param>
/// <param name="EntryName">The entry's listed name.</param>
/// <param name="MatchedName">The entry's name that matched best (its name, an alias or an added name).</param>
/// <param name="MatchedAs">"name", "alias" or "added name".</param>
/// <param name="Score">0 to 100.</param>
/// <param name="Verdict">"match", "review" or "cleared" (see <see cref="Verdicts"/>).</param>
/// <param name="Explanation">What matched and what did not.</param>
/// <param name="EntryHash">The entry's content hash.</param>
/// <param name="FederalRegisterNotice">The entry's Federal Register notices.</param>
/// <param name="LicensePolicy">The entry's license review policy as published.</param>
/// <param name="Policy">Its kind (<see cref="Parties.LicensePolicy"/>).</param>
public sealed record PartyMatch(
    string Role,
    string Name,
    string Country,
    string List,
    string EntryId,
    string EntryName,
    string MatchedName,
    string MatchedAs,
    int Score,
    string Verdict,
    string Explanation,
    string EntryHash,
    string FederalRegisterNotice,
    string LicensePolicy,
    string Policy)
{
    /// <summary>The match in one line, for a decision's message: "end user 'X' = Entity List entry 'id' 'Name' (score 97; 84 FR 22961; policy: ...)".</summary>
    public string Summary
    {
        get
        {
            var who = Role == PartyRoles.Consignee ? "consignee" : "end user";
            var relation = Verdict == Verdicts.Match ? "matches" : "may be";
            var matched = string.Equals(MatchedName, EntryName, StringComparison.Ordinal) ? "" : $", {MatchedAs} '{MatchedName}'";
            var details = new List<string> { $"score {Score}" };
            if (FederalRegisterNotice.Length > 0)
                details.Add(FederalRegisterNotice);
            if (LicensePolicy.Length > 0)
                details.Add("policy: " + LicensePolicy);
            return $"{who} '{Name}' {relation} {ListCodes.Title(List)} entry {EntryId} '{EntryName}'{matched} ({string.Join("; ", details)})";
        }
    }

    internal static PartyMatch Of(string role, string name, string country, PartyCandidate c) =>
        new(role, name, country, c.Entry.List, c.Entry.Id, c.Entry.Name, c.MatchedName, c.MatchedAs, c.Score, c.Verdict, c.Explanation,
            c.EntryHash, c.Entry.FederalRegisterNotice, c.Entry.LicensePolicy, c.Entry.Policy);
}
