using System.Collections.Concurrent;
using System.Globalization;

namespace ChipScreen.Parties;

/// <summary>Screens names against restricted-party lists: the lists, their index, the thresholds and the reviewed
/// dispositions, prepared once.</summary>
/// <remarks>
/// <para>A name is normalized, compared with the listed names that share a word, a spelling or initials with it
/// (<see cref="PartyIndex"/>), and scored 0 to 100 by <see cref="NameComparer"/>. The country then moves the score: a
/// listed entry in the same country gains <see cref="CountryAgreement"/> points, one only in other countries loses
/// <see cref="CountryConflict"/> but never drops below review for it (Hong Kong and Macau count as China). A reviewed "not a match" for the name and entry
/// clears the candidate while the entry is unchanged.</para>
/// <para>What a name scores against the lists is remembered per distinct name (a batch repeats its customers), and the
/// candidates of the few names that have any per name and country, up to <see cref="CacheLimit"/> of each and
/// <see cref="CachedCandidateLimit"/> candidates in all, so that a list many names resemble cannot fill the memory; past
/// that, candidates are worked out again each time. Immutable apart from those caches; thread-safe.</para>
/// </remarks>
public sealed class PartyScreening
{
    /// <summary>Points a listed entry gains when the screened party is in one of its countries.</summary>
    public const int CountryAgreement = 5;

    /// <summary>Points a listed entry loses when the screened party's country is known and none of the entry's.</summary>
    public const int CountryConflict = 10;

    /// <summary>The number of distinct names (and of names with candidates, per country) remembered. The screening lives as
    /// long as its pack (in a service, across batches); a batch remembers its own names besides.</summary>
    public const int CacheLimit = 1 << 16;

    /// <summary>The number of candidates (with their explanations, some hundred bytes each) remembered per name and per name
    /// and country.</summary>
    public const int CachedCandidateLimit = 1 << 16;

    private const int MaxCandidates = 20;

    private readonly PartyIndex _index;
    private readonly Dictionary<(string, string), Disposition[]> _dispositions;
    private readonly ConcurrentDictionary<string, NameHit[]> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Name, string Country), PartyCandidate[]> _byNameAndCountry = new();
    private int _namesCached;
    private int _pairsCached;
    private readonly int _candidateLimit;
    private int _hitsCached;
    private int _candidatesCached;

    /// <summary>Prepares <paramref name="lists"/> for screening at <paramref name="thresholds"/>.</summary>
    public PartyScreening(PartyListSet lists, PartyThresholds thresholds)
        : this(lists, thresholds, CachedCandidateLimit)
    {
    }

    /// <summary>As the public constructor, remembering at most <paramref name="candidateLimit"/> candidates (tests).</summary>
    internal PartyScreening(PartyListSet lists, PartyThresholds thresholds, int candidateLimit)
    {
        _candidateLimit = candidateLimit;
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (thresholds.Problem() is { } problem)
            throw new ArgumentException(problem, nameof(thresholds));
        Lists = lists;
        Thresholds = thresholds;
        _index = new PartyIndex(lists.Entries);
        _dispositions = lists.Dispositions
            .GroupBy(d => (PartyNames.Key(d.Name), d.EntryId))
            .ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>No lists: nothing ever matches.</summary>
    public static PartyScreening None { get; } = new(PartyListSet.Empty, PartyThresholds.Default);

    /// <summary>The lists screened against.</summary>
    public PartyListSet Lists { get; }

    /// <summary>The match and review thresholds.</summary>
    public PartyThresholds Thresholds { get; }

    /// <summary>The number of listed names (entry names, aliases and added names).</summary>
    public int NameCount => _index.Variants.Length;

    /// <summary>The entries <paramref name="name"/> matches or may match (score at or above the review threshold), best
    /// first; <paramref name="country"/> is the party's ISO code, or empty when unknown.</summary>
    public IReadOnlyList<PartyCandidate> Screen(string name, string country)
    {
        ArgumentNullException.ThrowIfNull(name);
        var whole = Screen(name, HitsOf(name), country ?? "");
        return Parts(name) is { } parts ? WithParts(whole, parts, country ?? "") : whole;
    }

    /// <summary>As <see cref="Screen(string, string)"/>, for a name a batch remembers: its hits are kept with it, so a line
    /// whose name was screened before costs no lookup by name.</summary>
    internal IReadOnlyList<PartyCandidate> Screen(PartyName name, string country)
    {
        var whole = ScreenWhole(name, country);
        return Parts(name.Text) is { } parts ? WithParts(whole, parts, country) : whole;
    }

    /// <summary>The parties a field names together ("Huawei Technologies Co Ltd / Acme GmbH", "Acme GmbH c/o Huawei"), or
    /// null for one name: split at a slash, semicolon, vertical bar, line break or "c/o", parts of at least three letters.</summary>
    internal static string[]? Parts(string text)
    {
        if (text.IndexOfAny(s_partSeparators) < 0)
            return null;
        var parts = text.Replace("c/o", ";", StringComparison.OrdinalIgnoreCase).Split(s_partSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.Count(char.IsLetter) >= 3).ToArray();
        return parts.Length >= 2 ? parts : null;
    }

    private static readonly char[] s_partSeparators = ['/', ';', '|', '\n', '\r'];

    /// <summary>The candidates of a whole name and of each party it names: per entry the best, best first, a part's
    /// explanation saying which part matched. A listed party named beside another in one field must not hide behind it.</summary>
    private IReadOnlyList<PartyCandidate> WithParts(IReadOnlyList<PartyCandidate> whole, string[] parts, string country) =>
        [.. BestPerEntry(whole.Concat(parts.SelectMany(part => Screen(part, country).Select(c => c with { Explanation = $"part '{part}' of the name: {c.Explanation}" }))))
            .Take(MaxCandidates)];

    /// <summary>Of candidates found for one party in several ways (its parts, its countries), each entry's best, best first
    /// (a stable sort: equal scores keep their order).</summary>
    internal static IEnumerable<PartyCandidate> BestPerEntry(IEnumerable<PartyCandidate> candidates) =>
        candidates.GroupBy(c => c.Entry.Id, StringComparer.Ordinal).Select(g => g.MaxBy(c => c.Score)!).OrderByDescending(c => c.Score);

    private IReadOnlyList<PartyCandidate> ScreenWhole(PartyName name, string country)
    {
        NameHit[] hits;
        if (name.Screened is { } screened && ReferenceEquals(screened.Screening, this))
        {
            hits = screened.Hits;
        }
        else
        {
            hits = HitsOf(name.Text, out var cached);
            if (cached)
                name.Screened = (this, hits);
        }
        return Screen(name.Text, hits, country ?? "");
    }

    private NameHit[] HitsOf(string name) => HitsOf(name, out _);

    /// <summary>The hits of <paramref name="name"/>; <paramref name="cached"/> says whether they are remembered.</summary>
    private NameHit[] HitsOf(string name, out bool cached)
    {
        cached = true;
        if (!_byName.TryGetValue(name, out var hits))
        {
            hits = Hits(name, Thresholds.Review - CountryAgreement, MaxCandidates * 2);
            cached = Remember(_byName, name, hits, hits.Length, ref _namesCached, ref _hitsCached);
        }
        return hits;
    }

    private IReadOnlyList<PartyCandidate> Screen(string name, NameHit[] hits, string country)
    {
        if (hits.Length == 0)
            return [];
        if (_byNameAndCountry.TryGetValue((name, country), out var found))
            return found;
        found = Candidates(hits, country, Thresholds.Review, MaxCandidates);
        Remember(_byNameAndCountry, (name, country), found, found.Length, ref _pairsCached, ref _candidatesCached);
        return found;
    }

    /// <summary>The number of candidates remembered, per name and per name and country (tests).</summary>
    internal (int Hits, int Candidates) Cached => (_hitsCached, _candidatesCached);

    /// <summary>Remembers <paramref name="value"/> (holding <paramref name="candidates"/> candidates) under
    /// <paramref name="key"/> while <paramref name="cache"/> has fewer than <see cref="CacheLimit"/> entries and the
    /// candidates fit the limit; counts what it remembers. False when it remembers nothing (another thread may have).</summary>
    private bool Remember<TKey, TValue>(ConcurrentDictionary<TKey, TValue> cache, TKey key, TValue value, int candidates,
        ref int entries, ref int candidatesCached) where TKey : notnull
    {
        if (Volatile.Read(ref entries) >= CacheLimit)
            return false;
        if (candidates > 0 && Interlocked.Add(ref candidatesCached, candidates) > _candidateLimit)
        {
            Interlocked.Add(ref candidatesCached, -candidates);
            return false;
        }
        if (!cache.TryAdd(key, value))
        {
            Interlocked.Add(ref candidatesCached, -candidates); // another thread remembered it, and counted it
            return false;
        }
        Interlocked.Increment(ref entries);
        return true;
    }

    /// <summary>The <paramref name="limit"/> best candidates for <paramref name="name"/> with any score above
    /// <paramref name="minimum"/>, best first, each with its explanation (for <c>chipscreen parties search</c>).</summary>
    public IReadOnlyList<PartyCandidate> Search(string name, string country, int limit = 10, int minimum = 1)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Candidates(Hits(name, Math.Max(1, minimum - CountryAgreement), int.MaxValue), country ?? "", minimum, limit);
    }

    /// <summary>Compares two names with this list's word weights: the score and verdict at this screening's thresholds.</summary>
    public (int Score, string Verdict, string Explanation) Compare(string first, string second)
    {
        var comparison = NameComparer.Compare(NameNormalizer.Normalize(first), NameNormalizer.Normalize(second), _index.Weights, explain: true);
        return (comparison.Score, Thresholds.Verdict(comparison.Score), comparison.Explanation);
    }

    /// <summary>The entries whose best name scores at least <paramref name="minimum"/> against <paramref name="name"/>, the
    /// country left aside, best first (at most <paramref name="limit"/>), each with its explanation and dispositions.</summary>
    private NameHit[] Hits(string name, int minimum, int limit)
    {
        if (_index.Variants.Length == 0)
            return [];
        var query = NameNormalizer.Normalize(name);
        if (query.IsEmpty)
            return [];
        var best = new Dictionary<int, (int Variant, int Score, double Share)>();
        var queryWeights = NameComparer.Weigh(query, _index.Weights);
        foreach (var v in _index.Candidates(query, queryWeights, minimum))
        {
            var variant = _index.Variants[v];
            var (score, _, share) = NameComparer.Compare(query, queryWeights, variant.Normalized, _index.WeightsOf(v), person: variant.Person);
            if (score >= minimum && score > 0 && (!best.TryGetValue(variant.Entry, out var current) || (score, share).CompareTo((current.Score, current.Share)) > 0))
                best[variant.Entry] = (v, score, share);
        }
        if (best.Count == 0)
            return [];
        var key = PartyNames.Key(name);
        // Equal scores (capped alike: "NSC Tianjin" is at most a review of every center) go to the name whose words correspond
        // most (the center in Tianjin), then to list order.
        return [.. best.OrderByDescending(b => b.Value.Score).ThenByDescending(b => b.Value.Share).ThenBy(b => b.Key).Take(limit)
            .Select(b => Hit(key, query, b.Value.Variant))];
    }

    private NameHit Hit(string nameKey, NormalizedName query, int v)
    {
        var variant = _index.Variants[v];
        var entry = Lists.Entries[variant.Entry];
        var comparison = NameComparer.Compare(query, variant.Normalized, _index.Weights, explain: true, person: variant.Person);
        Disposition? applies = null, lapsed = null;
        if (_dispositions.TryGetValue((nameKey, entry.Id), out var dispositions))
        {
            applies = dispositions.FirstOrDefault(d => d.AppliesTo(entry));
            lapsed = applies is null ? dispositions[^1] : null;
        }
        return new NameHit(variant.Entry, variant.Name, variant.As, comparison.Score, $"{variant.As} '{variant.Name}': {comparison.Explanation}", entry.ContentHash, applies, lapsed);
    }

    /// <summary>The hits as candidates for a party in <paramref name="country"/>: scores moved by the country, kept from
    /// <paramref name="minimum"/>, best first.</summary>
    private PartyCandidate[] Candidates(NameHit[] hits, string country, int minimum, int limit)
    {
        var result = new List<PartyCandidate>(hits.Length);
        foreach (var hit in hits)
        {
            var entry = Lists.Entries[hit.Entry];
            var score = Adjust(hit.Score, entry, country, Thresholds.Review, out var countryNote);
            if (score < minimum)
                continue;
            var explanation = hit.Explanation + countryNote;
            if (hit.Applies is { } applies)
                explanation += string.Create(CultureInfo.InvariantCulture, $"; cleared: not a match per {applies.Reviewer} on {applies.Date:yyyy-MM-dd} ({applies.Reason})");
            else if (hit.Lapsed is { } lapsed)
                explanation += string.Create(CultureInfo.InvariantCulture, $"; the disposition by {lapsed.Reviewer} on {lapsed.Date:yyyy-MM-dd} lapsed: the entry changed since");
            var verdict = hit.Applies is not null && score >= Thresholds.Review ? Verdicts.Cleared : Thresholds.Verdict(score);
            result.Add(new PartyCandidate(entry, hit.MatchedName, hit.MatchedAs, score, verdict, explanation, hit.Hash, hit.Applies, hit.Lapsed));
        }
        // A stable sort: equal scores keep the hits' order (name score, share of the words that correspond, then list order).
        return [.. result.OrderByDescending(c => c.Score).Take(limit)];
    }

    /// <summary>What a name scores against an entry, the country left aside.</summary>
    internal sealed record NameHit(int Entry, string MatchedName, string MatchedAs, int Score, string Explanation, string Hash, Disposition? Applies, Disposition? Lapsed);

    /// <summary>The score moved by the country: up when the entry is in the party's country, down when it is only elsewhere,
    /// but never from <paramref name="review"/> or more to below it: a listed party ships through other countries (a
    /// Chinese entity's Singapore or Malaysia arm is the classic diversion), so another country may lower a match to a
    /// review, never clear a name that needs one.</summary>
    private static int Adjust(int score, ListEntry entry, string country, int review, out string note)
    {
        note = "";
        if (country.Length == 0 || entry.Countries.IsDefaultOrEmpty)
            return score;
        var family = Family(country);
        if (entry.Countries.Any(c => Family(c) == family))
        {
            if (score < 50)
                return score;
            note = $"; country {country} agrees (+{CountryAgreement})";
            return Math.Min(100, score + CountryAgreement);
        }
        var lowered = Math.Max(0, score - CountryConflict);
        if (score >= review && lowered < review)
        {
            note = $"; country {country} is not the listed {string.Join("/", entry.Countries)} (-{score - review}: not below review, since a listed party ships through other countries)";
            return review;
        }
        note = $"; country {country} is not the listed {string.Join("/", entry.Countries)} (-{CountryConflict})";
        return lowered;
    }

    private static string Family(string code) => code is "HK" or "MO" ? "CN" : code;
}
