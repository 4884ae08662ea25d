using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace ChipScreen.Parties;

/// <summary>What the rules of a pack may read about a line's parties and the restricted-party lists
/// (<c>line.Parties.Matches("entity_list", "denial")</c>).</summary>
/// <remarks>
/// <para>The end user is screened with the ultimate destination as its country, the consignee (when the order names one
/// other than the end user) with the ship-to country. A <em>match</em> scores at or above the pack's match threshold; a
/// <em>potential match</em> scores between the review and the match threshold; a candidate that a reviewed disposition
/// clears is neither. List arguments are list codes (<see cref="ListCodes"/>) separated by commas; policy arguments are
/// <c>denial</c> or <c>not_denial</c> (of the Entity List entry's license review policy).</para>
/// <para>Screening happens on first use and comes from the screening's per-name cache. One instance per line; not
/// thread-safe.</para>
/// </remarks>
public sealed class PartyFacts
{
    /// <summary>The policy argument for entries whose license review policy denies.</summary>
    public const string DenialPolicy = "denial";

    /// <summary>The policy argument for entries whose policy does not deny (case-by-case, approval, not stated).</summary>
    public const string NotDenialPolicy = "not_denial";

    private static readonly ConcurrentDictionary<string, string[]> s_lists = new(StringComparer.Ordinal);

    private readonly PartyScreening _screening;
    private readonly PartyName? _endUser;
    private readonly string _endUserCountry;
    private readonly PartyName? _consignee;
    private readonly string _consigneeCountry;
    private PartyMatch[]? _all;

    internal PartyFacts(PartyScreening screening, PartyName? endUser, string endUserCountry, PartyName? consignee, string consigneeCountry)
    {
        _screening = screening;
        _endUser = endUser;
        _endUserCountry = endUserCountry;
        _consignee = consignee;
        _consigneeCountry = consigneeCountry;
    }

    /// <summary>The country of the end user's headquarters, or empty: an entry listed there agrees with the end user as one
    /// listed in its destination does (a Chinese entity's Singapore arm is screened as Chinese too).</summary>
    internal string EndUserHqCountry { get; init; } = "";

    /// <summary>No lists: nothing matches.</summary>
    public static PartyFacts None { get; } = new(PartyScreening.None, null, "", null, "");

    /// <summary>Every match, potential match and cleared candidate of the line's parties, end user first, best first.</summary>
    public IReadOnlyList<PartyMatch> All => _all ??= Screen();

    /// <summary>Whether a party matches an entry of one of <paramref name="lists"/>.</summary>
    public bool Matches(string lists) => Any(lists, Verdicts.Match, null);

    /// <summary>Whether a party matches an entry of one of <paramref name="lists"/> whose license review policy is
    /// <paramref name="policy"/> (<c>denial</c> or <c>not_denial</c>).</summary>
    public bool Matches(string lists, string policy) => Any(lists, Verdicts.Match, policy);

    /// <summary>Whether a party that matches no entry may be an entry of any list (a score between the review and the match
    /// thresholds). A party that matches one entry is decided by it; its other candidates are listed, not held for.</summary>
    public bool PotentialMatch => All.Count > 0 && Potential().Any();

    /// <summary>The highest score of a match or potential match, or 0.</summary>
    public int BestScore => All.Count == 0 ? 0 : All.Where(m => m.Verdict != Verdicts.Cleared).Select(m => m.Score).DefaultIfEmpty(0).Max();

    /// <summary>The matches on <paramref name="lists"/>, one sentence each, joined by "; " (for messages).</summary>
    public string Describe(string lists) => Describe(lists, Verdicts.Match, null);

    /// <summary>The matches on <paramref name="lists"/> with license review policy <paramref name="policy"/> (for messages).</summary>
    public string Describe(string lists, string policy) => Describe(lists, Verdicts.Match, policy);

    /// <summary>The potential matches of the parties that match no entry, one sentence each, joined by "; " (for messages).</summary>
    public string DescribePotential => string.Join("; ", Potential().Select(m => m.Summary));

    /// <summary>The matches, potential matches and cleared candidates, for the decision's facts.</summary>
    internal ImmutableArray<PartyMatch> ForDecision => All.Count == 0 ? [] : [.. All];

    private IEnumerable<PartyMatch> Potential() =>
        All.Where(m => m.Verdict == Verdicts.Review && !All.Any(o => o.Role == m.Role && o.Verdict == Verdicts.Match));

    private bool Any(string lists, string verdict, string? policy)
    {
        var all = All;
        if (all.Count == 0)
            return false;
        var codes = Codes(lists);
        foreach (var m in all)
            if (m.Verdict == verdict && Array.IndexOf(codes, m.List) >= 0 && PolicyIs(m, policy))
                return true;
        return false;
    }

    private string Describe(string lists, string verdict, string? policy)
    {
        if (All.Count == 0)
            return "";
        var codes = Codes(lists);
        return string.Join("; ", All.Where(m => m.Verdict == verdict && Array.IndexOf(codes, m.List) >= 0 && PolicyIs(m, policy)).Select(m => m.Summary));
    }

    private static bool PolicyIs(PartyMatch m, string? policy) => policy switch
    {
        null => true,
        DenialPolicy => m.Policy == LicensePolicy.Denial,
        _ => m.Policy != LicensePolicy.Denial,
    };

    /// <summary>"sdn,denied_persons" gives its codes; the argument is a constant of the pack, so the split is remembered.</summary>
    internal static string[] Codes(string lists) =>
        s_lists.GetOrAdd(lists, l => l.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The end user's candidates in its destination and, when its headquarters are elsewhere, there too: per entry
    /// the better score, best first.</summary>
    private IReadOnlyList<PartyCandidate> ScreenEndUser(PartyName endUser)
    {
        var here = _screening.Screen(endUser, _endUserCountry);
        if (EndUserHqCountry.Length == 0 || EndUserHqCountry == _endUserCountry)
            return here;
        var atHq = _screening.Screen(endUser, EndUserHqCountry);
        if (atHq.Count == 0)
            return here;
        return [.. PartyScreening.BestPerEntry(here.Concat(atHq))];
    }

    private PartyMatch[] Screen()
    {
        if (_screening.NameCount == 0 || _endUser is null && _consignee is null)
            return [];
        var endUser = _endUser is null ? [] : ScreenEndUser(_endUser);
        var consignee = _consignee is null ? [] : _screening.Screen(_consignee, _consigneeCountry);
        if (endUser.Count == 0 && consignee.Count == 0)
            return [];
        var result = new PartyMatch[endUser.Count + consignee.Count];
        for (var i = 0; i < endUser.Count; i++)
            result[i] = PartyMatch.Of(PartyRoles.EndUser, _endUser!.Text, _endUserCountry, endUser[i]);
        for (var i = 0; i < consignee.Count; i++)
            result[endUser.Count + i] = PartyMatch.Of(PartyRoles.Consignee, _consignee!.Text, _consigneeCountry, consignee[i]);
        return result;
    }
}
