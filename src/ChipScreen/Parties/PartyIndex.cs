using System.Collections.Frozen;

namespace ChipScreen.Parties;

/// <summary>Every name of every list entry, normalized once, with an index from words to names, so that a name is compared
/// only with the listed names it could match.</summary>
/// <remarks>
/// Keys: each word; each run of two or three words written together ("zhipu" finds "Zhi Pu"); the first and last three or
/// four letters of longer words, and for words of five or seven letters their first two with their last two (a typo leaves
/// one of them intact); the initials of each name ("smic"); the whole name; the first and last four letters of the name run together (for the comparison of joined spellings); for an individual's words of three or four
/// letters, the word with one letter left out ("jo?e" finds "Jose" from "Joze", "?mar" "Omar" from "Umar"). Words that many names share (generic words,
/// surnames, numbers, common prefixes) lead to candidates only while their lists are short.
/// Entries of type Vessel or Aircraft are not indexed. Immutable and thread-safe.
/// </remarks>
internal sealed class PartyIndex
{
    /// <summary>Posting lists longer than this are not followed for weak keys (generic words, prefixes, suffixes).</summary>
    private const int WeakKeyLimit = 400;

    private readonly FrozenDictionary<string, int[]> _postings;

    public PartyIndex(IReadOnlyList<ListEntry> entries)
    {
        var variants = new List<Variant>();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var e = 0; e < entries.Count; e++)
        {
            // Vessels and aircraft are not end users or consignees; their names ("HORIZON", "SILVER CLOUD") would only
            // raise false alarms.
            if (entries[e].Type.Equals("Vessel", StringComparison.OrdinalIgnoreCase) || entries[e].Type.Equals("Aircraft", StringComparison.OrdinalIgnoreCase))
                continue;
            var person = entries[e].Type.Equals("Individual", StringComparison.OrdinalIgnoreCase);
            var words = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, kind) in entries[e].Names())
            {
                var normalized = NameNormalizer.Normalize(name);
                if (normalized.IsEmpty)
                    continue;
                var id = variants.Count;
                variants.Add(new Variant(e, name, kind, normalized) { Person = person });
                foreach (var key in Keys(normalized, person))
                {
                    if (!postings.TryGetValue(key, out var list))
                        postings[key] = list = [];
                    if (list.Count == 0 || list[^1] != id)
                        list.Add(id);
                }
                foreach (var t in normalized.Core)
                    words.Add(t.Text);
            }
            foreach (var w in words)
                documentFrequency[w] = documentFrequency.GetValueOrDefault(w) + 1;
        }
        Variants = [.. variants];
        _postings = postings.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        Weights = new TokenWeights(documentFrequency.ToFrozenDictionary(StringComparer.Ordinal), entries.Count);
        _weights = [.. Variants.Select(v => NameComparer.Weigh(v.Normalized, Weights))];
        _totalWeight = [.. _weights.Select(w => w.Sum())];
        _slack = [.. Variants.Select((v, i) => NameComparer.Slack(v.Normalized, _weights[i]))];
        _hasPeople = Variants.Any(v => v.Person);
    }

    private readonly double[][] _weights;
    private readonly double[] _totalWeight;
    private readonly double[] _slack;

    /// <summary>Whether any listed name is an individual's, the only names indexed under <see cref="NearKeys"/>.</summary>
    private readonly bool _hasPeople;

    /// <summary>The weight of each core word of listed name <paramref name="variant"/>.</summary>
    public double[] WeightsOf(int variant) => _weights[variant];

    /// <summary>Every listed name.</summary>
    public Variant[] Variants { get; }

    /// <summary>The word weights of this list.</summary>
    public TokenWeights Weights { get; }

    /// <summary>The listed names <paramref name="query"/> (its words weighing <paramref name="weights"/>, see
    /// <see cref="NameComparer.Weigh"/>) could match with a score of at least <paramref name="minimum"/>, each once.</summary>
    /// <remarks>Each word of the query adds its weight to the names it reaches through a key; a name whose best possible
    /// score (every word it was reached by aligned, every word of its own aligned) stays below <paramref name="minimum"/> is
    /// left out, and so is one reached by weak words alone unless the query's every word but its places reached it (names
    /// that share only generic words score at most <see cref="NameComparer.WeakEvidenceCap"/>, unless one adds only a place).
    /// The places' weight is subtracted from the weight that reached the name whether or not they reached it: a name kept
    /// for nothing is only compared once more.</remarks>
    public List<int> Candidates(NormalizedName query, double[] weights, int minimum)
    {
        var scratch = t_scratch is { } existing && existing.Weight.Length >= Variants.Length ? existing : t_scratch = new Scratch(Variants.Length);
        var core = query.Core;
        var queryWeight = 0.0;
        var placeWeight = 0.0;
        for (var i = 0; i < core.Length; i++)
        {
            var t = core[i];
            var weight = weights[i];
            queryWeight += weight;
            if (t.Kind == TokenKind.Place)
                placeWeight += weight;
            scratch.Round++;
            var strong = t.IsDistinctive;
            Credit(scratch, "t:" + t.Text, !strong, weight, strong, loose: false);
            // The word written as a run of the listed name's words ("yamahdi", "Ya Mahdi") aligns with all of them.
            Credit(scratch, "r:" + t.Text, false, weight, strong, loose: true);
            if (t.Kind == TokenKind.Number)
                continue;
            if (t.Text.Length >= 4 && t.Kind != TokenKind.Han)
            {
                var n = t.Text.Length >= 7 ? 4 : 3;
                Credit(scratch, "p:" + t.Text[..n], true, weight, strong, loose: false);
                Credit(scratch, "s:" + t.Text[^n..], true, weight, strong, loose: false);
                // In a word of five or seven letters both keys hold the middle letter; a typo there ("Qaeda", "Qa'ida")
                // leaves the first and last two.
                if (t.Text.Length is 5 or 7)
                    Credit(scratch, "m:" + t.Text[..2] + t.Text[^2..], true, weight, strong, loose: false);
            }
            // A short word one letter apart from an individual's (which only individuals' names are indexed under).
            if (_hasPeople)
                foreach (var key in NearKeys(t))
                    Credit(scratch, key, true, weight, strong, loose: false);
            var next = i + 1 < core.Length ? weights[i + 1] : 0;
            if (t.Text.Length is >= 3 and <= 8 && NameComparer.IsLetters(t.Text))
                Credit(scratch, "a:" + t.Text, false, weight, true, loose: true);
            if (i + 1 < core.Length)
                Credit(scratch, "t:" + t.Text + core[i + 1].Text, false, weight + next, true, loose: true);
            if (i + 2 < core.Length)
                Credit(scratch, "t:" + t.Text + core[i + 1].Text + core[i + 2].Text, false, weight + next + weights[i + 2], true, loose: true);
        }
        scratch.Round++;
        Credit(scratch, "k:" + query.Key, false, queryWeight, true, loose: true);
        // The names whose joined spelling starts or ends as this one's, for the comparison by joined spellings (below): they
        // are reached, not credited.
        if (query.Compact.Length >= 6)
        {
            Touch(scratch, "c:" + query.Compact[..4]);
            Touch(scratch, "e:" + query.Compact[^4..]);
        }

        var querySlack = NameComparer.Slack(query, weights);
        var result = new List<int>();
        foreach (var v in scratch.Touched)
        {
            var total = _totalWeight[v];
            // Word for word, each query word aligns with at most one listed word, of weight at most 1; a joined run or an
            // acronym may align with several.
            var listed = scratch.Loose[v] ? total : Math.Min(total, scratch.Hits[v]);
            var upper = total + queryWeight > 0 ? (Math.Min(scratch.Weight[v], queryWeight) + listed) / (queryWeight + total) * 100 : 0;
            // Series numbers and a misspelt legal form may be left out of the share.
            var slack = querySlack + _slack[v];
            if (slack > 0 && upper + 0.5 < minimum)
                upper = Math.Max(upper, (Math.Min(scratch.Weight[v], queryWeight) + listed) / Math.Max(1e-9, queryWeight + total - slack) * 100);
            var keep = upper + 0.5 >= minimum &&
                       (minimum <= NameComparer.WeakEvidenceCap || scratch.Strong[v] || scratch.Weight[v] >= queryWeight - placeWeight - 1e-9);
            // The bound above counts words; the comparison may also score the names by their joined spellings ("Huawei
            // Tech Nologies", "Hua Weitechnologies"), up to their similarity, whatever their words share. Without this a
            // name scored at or above the review threshold would be found by a search (minimum 1) and missed by screening.
            if (!keep && MayJoin(query.Compact, Variants[v].Normalized.Compact) &&
                NameComparer.JoinedSpelling(query, Variants[v].Normalized) is var joined && joined >= NameComparer.JoinedSpellingSimilarity)
                keep = joined * 100 + 0.5 >= minimum;
            if (keep)
                result.Add(v);
            scratch.Weight[v] = 0;
            scratch.Hits[v] = 0;
            scratch.Strong[v] = scratch.Loose[v] = scratch.Listed[v] = false;
        }
        scratch.Touched.Clear();
        result.Sort();
        return result;
    }

    /// <summary>Adds <paramref name="weight"/> to every name listed under <paramref name="key"/>, once per query word
    /// (<see cref="Scratch.Round"/>): a name the word reaches through several keys gets the most any of them adds.</summary>
    private void Credit(Scratch scratch, string key, bool weak, double weight, bool strong, bool loose)
    {
        if (!_postings.TryGetValue(key, out var list) || (weak && list.Length > WeakKeyLimit))
            return;
        foreach (var v in list)
        {
            if (scratch.Seen[v] == scratch.Round)
            {
                // Reached again by the same word through another key: the word counts once, at the most it is worth
                // through any of its keys. Taking the first key's weight ("huaw" by its prefix) would drop what a later
                // key adds ("huaw ei" written as "huawei"), and with it a name the comparison scores above the bound.
                if (weight > scratch.RoundWeight[v])
                {
                    scratch.Weight[v] += weight - scratch.RoundWeight[v];
                    scratch.RoundWeight[v] = weight;
                }
                scratch.Strong[v] |= strong;
                scratch.Loose[v] |= loose;
                continue;
            }
            scratch.Seen[v] = scratch.Round;
            scratch.RoundWeight[v] = weight;
            scratch.Reach(v);
            scratch.Weight[v] += weight;
            scratch.Hits[v]++;
            scratch.Strong[v] |= strong;
            scratch.Loose[v] |= loose;
        }
    }

    /// <summary>Whether two joined spellings may be similar enough to be compared (<see cref="NameComparer.JoinedSpelling"/>):
    /// their lengths close enough, and the letters one has more of than the other (a lower bound of their edit distance)
    /// few enough. Rules out most names at the cost of counting letters rather than an edit distance.</summary>
    private static bool MayJoin(string x, string y)
    {
        if (!NameComparer.JoinedLengthsComparable(x, y))
            return false;
        var edits = (int)Math.Floor(Math.Max(x.Length, y.Length) * (1 - NameComparer.JoinedSpellingSimilarity) + 1e-9);
        Span<int> counts = stackalloc int[128];
        foreach (var c in x)
        {
            if (c >= 128)
                return true;
            counts[c]++;
        }
        foreach (var c in y)
        {
            if (c >= 128)
                return true;
            counts[c]--;
        }
        int more = 0, fewer = 0;
        foreach (var n in counts)
        {
            if (n > 0)
                more += n;
            else
                fewer -= n;
        }
        return Math.Max(more, fewer) <= edits;
    }

    /// <summary>Reaches every name listed under <paramref name="key"/> without adding to its weight; a weak key, not followed
    /// past <see cref="WeakKeyLimit"/> names (a common ending would cost a comparison of joined spellings with each).</summary>
    private void Touch(Scratch scratch, string key)
    {
        if (!_postings.TryGetValue(key, out var list) || list.Length > WeakKeyLimit)
            return;
        foreach (var v in list)
            scratch.Reach(v);
    }

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>Per-thread accumulators for <see cref="Candidates"/>, one slot per listed name, reset after each query.</summary>
    private sealed class Scratch(int size)
    {
        public readonly double[] Weight = new double[size];
        public readonly double[] RoundWeight = new double[size];
        public readonly int[] Hits = new int[size];
        public readonly bool[] Strong = new bool[size];
        public readonly bool[] Loose = new bool[size];
        public readonly bool[] Listed = new bool[size];
        public readonly int[] Seen = new int[size];
        public readonly List<int> Touched = [];

        /// <summary>Counts query words; a slot whose <see cref="Seen"/> equals it was credited for the current word.</summary>
        public int Round;

        /// <summary>Makes listed name <paramref name="v"/> a candidate of this query (once; its slots are reset after it).</summary>
        public void Reach(int v)
        {
            if (!Listed[v])
            {
                Listed[v] = true;
                Touched.Add(v);
            }
        }
    }

    private static IEnumerable<string> Keys(NormalizedName name, bool person)
    {
        yield return "k:" + name.Key;
        var core = name.Core;
        for (var i = 0; i < core.Length; i++)
        {
            var t = core[i];
            yield return "t:" + t.Text;
            if (t.Kind == TokenKind.Number)
                continue;
            if (t.Text.Length >= 4 && t.Kind != TokenKind.Han)
            {
                // A query word looks up its first and last three letters (four from seven letters on); a listed word
                // similar enough to it has at least four letters (five for the four-letter keys).
                yield return "p:" + t.Text[..3];
                yield return "s:" + t.Text[^3..];
                if (t.Text.Length is 5 or 7)
                    yield return "m:" + t.Text[..2] + t.Text[^2..];
                if (t.Text.Length >= 5)
                {
                    yield return "p:" + t.Text[..4];
                    yield return "s:" + t.Text[^4..];
                }
            }
            if (i + 1 < core.Length)
                yield return "r:" + t.Text + core[i + 1].Text;
            if (i + 2 < core.Length)
                yield return "r:" + t.Text + core[i + 1].Text + core[i + 2].Text;
        }
        // The first and last four letters of the joined spelling: two joined spellings similar enough to be compared
        // (NameComparer.JoinedSpelling) mostly share one of them, whatever their words.
        if (name.Compact.Length >= 6)
        {
            yield return "c:" + name.Compact[..4];
            yield return "e:" + name.Compact[^4..];
        }
        foreach (var acronym in AcronymKeys(name))
            yield return "a:" + acronym;
        // An individual's short words, once with each letter left out: a word one letter apart from one of them shares that
        // key (NameComparer.NearSimilarity).
        if (person)
            foreach (var t in core)
                foreach (var key in NearKeys(t))
                    yield return key;
    }

    /// <summary>The keys a word of three or four letters (letters only) shares with every word one letter apart from it
    /// (<see cref="NameComparer.IsNearPair"/>): the word with one letter left out, the first only when it is a vowel.</summary>
    private static IEnumerable<string> NearKeys(NameToken t)
    {
        if (t.Text.Length is < 3 or > 4 || t.Kind is TokenKind.Number or TokenKind.Han || !NameComparer.IsLetters(t.Text))
            yield break;
        for (var i = NameComparer.IsVowel(t.Text[0]) ? 0 : 1; i < t.Text.Length; i++)
            yield return string.Concat("n:", t.Text.AsSpan(0, i), "?", t.Text.AsSpan(i + 1));
    }

    /// <summary>The acronyms that may stand for a run of a name's words, as index keys: the initials (three to eight) of a
    /// run that starts with one of its first three core words, taking every word, every word but the stop words, or every
    /// word but the legal forms and stop words, or every word but the fillers ("group"), each also with a compound word's
    /// parts giving their initials: YMTC spells Yangtze Memory Technologies Co., NUDT National University (of) Defense
    /// Technology, CETC China Electronics Technology (Group) Corporation, NSCC National SuperComputing Center.
    /// <see cref="NameComparer"/> checks the acronym exactly.</summary>
    private static IEnumerable<string> AcronymKeys(NormalizedName name)
    {
        if (name.All.Length < 2)
            yield break;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var cores = 0;
        for (var start = 0; start < name.All.Length && cores < 3; start++)
        {
            if (name.Optional[start])
                continue;
            cores++;
            for (var variant = 0; variant < 8; variant++)
            {
                // Variants 4 to 7 are 0 to 3 with a compound word's parts giving their initials ("nscc").
                var compound = variant >= 4;
                var initials = new System.Text.StringBuilder(8);
                for (var i = start; i < name.All.Length && initials.Length < 8; i++)
                {
                    var word = name.All[i];
                    var skip = (variant % 4) switch
                    {
                        1 => NameLexicon.StopWords.Contains(word),
                        2 => name.Optional[i],
                        3 => word is "group" or "groups" or "holding" or "holdings",
                        _ => false,
                    };
                    if (skip || !char.IsLetter(word[0]))
                        continue;
                    if (compound && NameLexicon.CompoundInitials.TryGetValue(word, out var parts))
                    {
                        foreach (var letter in parts.AsSpan(0, Math.Min(parts.Length, 8 - initials.Length)))
                        {
                            initials.Append(letter);
                            if (initials.Length >= 3)
                                keys.Add(initials.ToString());
                        }
                        continue;
                    }
                    initials.Append(word[0]);
                    if (initials.Length >= 3)
                        keys.Add(initials.ToString());
                }
            }
        }
        foreach (var key in keys)
            yield return key;
    }

    /// <summary>One name of one entry.</summary>
    /// <param name="Entry">The entry's position in the list.</param>
    /// <param name="Name">The name as listed.</param>
    /// <param name="As">"name", "alias" or "added name".</param>
    /// <param name="Normalized">The name normalized.</param>
    public readonly record struct Variant(int Entry, string Name, string As, NormalizedName Normalized)
    {
        /// <summary>Whether the name is an individual's (the list says so), whose given names may be spelled a letter apart.</summary>
        public bool Person { get; init; }
    }
}
