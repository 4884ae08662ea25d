using System.Globalization;
using System.Text;

namespace ChipScreen.Parties;

/// <summary>Compares two normalized names word by word and scores how much of both is the same (0 to 100). Pure and
/// thread-safe.</summary>
/// <remarks>
/// <para>Words are aligned one to one regardless of order, each pair by Jaro-Winkler similarity (or, for a typo near the
/// start, edit distance); short words and numbers must be equal, except that an individual's words of three or four
/// letters may be one letter apart, for at most a review (<see cref="NearSimilarity"/>). Before that, equal words pair, a word of the screened name
/// that spells the initials of a run of the listed name's words stands for the run ("SMIC" and "Semiconductor Manufacturing
/// International Corporation"; not the other way round, and a three-letter acronym is at most a review), and
/// a run of words on one side that spells a word of the other joins it ("Zhi Pu" and "Zhipu"). The score is the weighted
/// share of both names' words that are aligned (a Dice coefficient), each word weighted by <see cref="TokenWeights"/>: a
/// rare, distinctive word counts for more than a generic one, a place for less.</para>
/// <para>Guards: names that share only generic words, places, surnames or numbers score at most
/// <see cref="WeakEvidenceCap"/> unless every word of both (numbers aside, and places that only the screened name adds) has
/// its counterpart; names whose numbers differ ("CETC 13" and
/// "CETC 14"), or that name different places ("(Sweden)" and "(Finland)"), score at most <see cref="DifferenceCap"/>:
/// a person must look. Funds and trusts of one numbered series ("Capital Partners VI" and "VII", "Loan Trust 2004-1" and
/// "2004-2") are the exception: vehicles of one sponsor, they score as one family, at most <see cref="SeriesCap"/>.
/// Names whose legal forms are of different kinds ("AG" and "GmbH") are different companies, at most a review.
/// A short last word one letter away from a legal form the other name has ("Siemens AkG" and "Siemens AG") is read as
/// that legal form.</para>
/// </remarks>
internal static class NameComparer
{
    /// <summary>The highest score of names that share no distinctive word.</summary>
    public const int WeakEvidenceCap = 40;

    /// <summary>The highest score of names whose numbers differ, or that name different places.</summary>
    public const int DifferenceCap = 80;

    /// <summary>The highest score of funds or trusts of one series whose numbers differ.</summary>
    public const int SeriesCap = 90;

    /// <summary>The similarity of two words of three or four letters that differ in one letter, when the listed name is an
    /// individual's (<see cref="IsNearPair"/>: "Jose" and "Joze", "Abid" and "Abed", "Aly" and "Ali", "Umar" and "Omar"):
    /// spellings of one given name as often as different names, so a name that needs it scores at most
    /// <see cref="DifferenceCap"/>, a review. A company's short words must be equal ("Meta" and "Beta" are different
    /// companies), and so must any words of a name the list gives no type.</summary>
    internal const double NearSimilarity = 0.85;

    private const double AcronymSimilarity = 0.95;
    private const double EvidenceSimilarity = 0.8;
    private const double CoverageSimilarity = 0.9;

    /// <summary>Scores <paramref name="query"/> against <paramref name="candidate"/>; <paramref name="explain"/> builds the explanation.</summary>
    /// <remarks>With <paramref name="person"/>, <paramref name="candidate"/> is an individual's name (see <see cref="NearSimilarity"/>).</remarks>
    public static NameComparison Compare(NormalizedName query, NormalizedName candidate, TokenWeights weights, bool explain = false, bool person = false) =>
        Compare(query, Weigh(query, weights), candidate, Weigh(candidate, weights), explain, person);

    /// <summary>The weight of each core word of <paramref name="name"/>.</summary>
    public static double[] Weigh(NormalizedName name, TokenWeights weights)
    {
        var result = new double[name.Core.Length];
        for (var i = 0; i < result.Length; i++)
            result[i] = weights.Of(name.Core[i]);
        return result;
    }

    /// <summary>Scores with the words' weights already computed (<see cref="Weigh"/>).</summary>
    public static NameComparison Compare(NormalizedName query, double[] queryWeights, NormalizedName candidate, double[] candidateWeights, bool explain = false, bool person = false)
    {
        if (query.IsEmpty || candidate.IsEmpty)
            return new NameComparison(0, explain ? "no identifying word (only legal forms or nothing)" : "");
        if (string.Equals(query.Key, candidate.Key, StringComparison.Ordinal))
        {
            var strong = query.HasDistinctive || query.Core.Length >= 2;
            if (strong && LegalFormsDiffer(query, candidate))
                return new NameComparison(DifferenceCap, explain ? $"same name; {LegalFormsNote(query, candidate)}" + Ignored(query, candidate) : "", 1);
            return new NameComparison(strong ? 100 : WeakEvidenceCap,
                explain ? (strong ? "same name" : "same name, but only generic words") + Ignored(query, candidate) : "", 1);
        }

        var a = Units(query, queryWeights);
        var b = Units(candidate, candidateWeights);
        var notes = explain ? new List<string>() : null;
        // Equal words pair first, so that an acronym or a join only takes words that have no twin.
        Align(a, b, exactOnly: true, person: false);
        // Only the screened name's words may be an acronym: a listed name that is only initials ("STC, LTD") would
        // otherwise match every company whose words start with those letters.
        var acronym = Acronyms(a, b, candidate, notes);
        a = Join(a, b, notes, reversed: false);
        b = Join(b, a, notes, reversed: true);
        Align(a, b, exactOnly: false, person);
        MisspeltLegalForm(a, query, candidate, notes);
        MisspeltLegalForm(b, candidate, query, notes);

        double total = 0, matched = 0;
        var evidence = false;
        var covered = a.Length >= 2 && b.Length >= 2;
        var (placeLeftA, namedA) = Sum(a, query, ref total, ref matched, ref evidence, ref covered, notes);
        var (placeLeftB, namedB) = Sum(b, candidate, ref total, ref matched, ref evidence, ref covered, notes);
        var share = total > 0 ? matched / total : 0;
        // Every word of both names has its counterpart: the same name spelled differently ("First Bank Int'l"). A place the
        // screened name adds qualifies the listed name ("Semiconductor Manufacturing International (Shanghai) Corporation",
        // a subsidiary of SMIC), once a word that is not a place aligns. Not the other way round: the place a listed name of
        // generic words has is what tells it apart ("Research Institute of Electronics Technology" is not the listed
        // "Nanjing Research Institute of Electronics Technology"); and places left on both sides are different places
        // ("Bank of Shanghai", "Bank of China").
        evidence |= covered && !placeLeftB && (!placeLeftA || namedA && namedB);

        // The same letters spaced differently ("PricewaterhouseCoopers", "vanderbilt").
        if (share < 1 && a.Length != b.Length && JoinedSpelling(query, candidate) is var ratio && ratio >= JoinedSpellingSimilarity)
        {
            if (ratio > share)
            {
                share = ratio;
                evidence |= query.HasDistinctive || candidate.HasDistinctive;
                notes?.Add(string.Create(CultureInfo.InvariantCulture, $"joined spelling '{query.Compact}' ~ '{candidate.Compact}' {ratio:0.00}"));
            }
        }

        var score = (int)Math.Round(share * 100, MidpointRounding.AwayFromZero);
        if (SeriesShare(a, b) is { } seriesShare)
        {
            var seriesScore = Math.Min(SeriesCap, (int)Math.Round(seriesShare * 100, MidpointRounding.AwayFromZero));
            if (seriesScore > score)
            {
                score = seriesScore;
                notes?.Add($"one series, numbered {Unmatched(a)} / {Unmatched(b)} (at most {SeriesCap})");
            }
        }
        else if (score > DifferenceCap && !string.Equals(query.Numbers, candidate.Numbers, StringComparison.Ordinal))
        {
            score = DifferenceCap;
            notes?.Add($"numbers differ (at most {DifferenceCap})");
        }
        if (score > DifferenceCap && LegalFormsDiffer(query, candidate))
        {
            score = DifferenceCap;
            notes?.Add(LegalFormsNote(query, candidate));
        }
        if (score > DifferenceCap && acronym is > 0 and < 4)
        {
            score = DifferenceCap;
            notes?.Add($"a three-letter acronym is at most a potential match (at most {DifferenceCap})");
        }
        if (score > DifferenceCap && UnmatchedPlace(a) && UnmatchedPlace(b))
        {
            score = DifferenceCap;
            notes?.Add($"places differ (at most {DifferenceCap})");
        }
        // Only the rule of NearSimilarity gives two words of three or four letters that similarity.
        if (score > DifferenceCap && a.Any(u => u.Partner >= 0 && u.Text.Length is 3 or 4 && u.Similarity == NearSimilarity))
        {
            score = DifferenceCap;
            notes?.Add($"a short word one letter apart, as a given name's spellings often are (at most {DifferenceCap})");
        }
        if (!evidence && score > WeakEvidenceCap)
        {
            score = WeakEvidenceCap;
            notes?.Add($"only generic words, places, surnames or numbers in common (at most {WeakEvidenceCap})");
        }
        if (notes is null)
            return new NameComparison(score, "", share);
        Describe(a, b, notes);
        return new NameComparison(score, string.Join("; ", notes) + Ignored(query, candidate), share);
    }

    /// <summary>The least similarity of two names' joined spellings (<see cref="NormalizedName.Compact"/>) that scores them by it.</summary>
    internal const double JoinedSpellingSimilarity = 0.92;

    /// <summary>The similarity of the joined spellings of two names ("PricewaterhouseCoopers" and "Pricewaterhouse Coopers"), or 0
    /// when they are too short (under six letters) or their lengths too far apart to be compared so. <see cref="PartyIndex"/>
    /// keeps a listed name whose joined spelling is this similar to the screened name's, whatever its words share, since
    /// <see cref="Compare(NormalizedName, double[], NormalizedName, double[], bool, bool)"/> may score it by it.</summary>
    internal static double JoinedSpelling(NormalizedName query, NormalizedName candidate) =>
        JoinedLengthsComparable(query.Compact, candidate.Compact) ? JaroWinkler.LevenshteinRatio(query.Compact, candidate.Compact) : 0;

    /// <summary>Whether two joined spellings are long enough (six letters each) and close enough in length (a tenth of the
    /// longer) to be compared by their similarity (<see cref="JoinedSpelling"/>; <see cref="PartyIndex"/> filters by it).</summary>
    internal static bool JoinedLengthsComparable(string x, string y) =>
        x.Length >= 6 && y.Length >= 6 && Math.Abs(x.Length - y.Length) <= Math.Max(x.Length, y.Length) / 10;

    /// <summary>Adds up the weights; <paramref name="covered"/> stays true while every word but the numbers and places has its
    /// counterpart (numbers that differ, and places on both sides, are capped on their own). A word that only repeats the
    /// initials of its own name's words ("Academy of Aerospace Solid Propulsion Technology (AASPT)") counts for nothing when
    /// left over. Returns whether a place was left over, and whether a word other than a place aligned.</summary>
    private static (bool PlaceLeft, bool Named) Sum(Unit[] units, NormalizedName name, ref double total, ref double matched, ref bool evidence, ref bool covered, List<string>? notes)
    {
        bool placeLeft = false, named = false;
        foreach (ref readonly var u in units.AsSpan())
        {
            if (u.LegalForm)
                continue;
            if (u.Partner < 0 && u.Count == 1 && u.Kind == TokenKind.Distinctive && u.Text.Length is >= 3 and <= 8 && IsLetters(u.Text) &&
                IsSubsequence(u.Text, name.Initials) && FindAcronym(u.Text, name, null, out _, out _))
            {
                notes?.Add($"{u.Text} repeats the initials of its own name");
                continue;
            }
            total += u.Weight;
            if (u.Partner < 0)
            {
                covered &= u.Kind is TokenKind.Number or TokenKind.Place;
                placeLeft |= u.Kind == TokenKind.Place;
                continue;
            }
            named |= u.Kind != TokenKind.Place;
            matched += u.Similarity * u.Weight;
            // A distinctive word counts when its counterpart is distinctive too ("Tianjin" spelt "Tianjing" in a listed name
            // is no evidence), or stands for the counterpart's initials.
            evidence |= u.Similarity >= EvidenceSimilarity && (u.Acronym ? u.Distinctive || u.PartnerDistinctive : u.Distinctive && u.PartnerDistinctive);
            covered &= u.Similarity >= CoverageSimilarity;
        }
        return (placeLeft, named);
    }

    /// <summary>When both names are funds or trusts (<see cref="NameLexicon.SeriesWords"/>) and the only words left without a
    /// counterpart are series numbers (numbers, single letters: "V" / "VI", "2004-1" / "2004-2"), the share of the other
    /// words that align; otherwise null.</summary>
    private static double? SeriesShare(Unit[] a, Unit[] b)
    {
        if (!IsSeries(a, out var leftA) || !IsSeries(b, out var leftB) || leftA + leftB == 0)
            return null;
        double total = 0, matched = 0;
        foreach (var units in (ReadOnlySpan<Unit[]>)[a, b])
        {
            foreach (ref readonly var u in units.AsSpan())
            {
                if (u.Partner < 0 || u.LegalForm)
                    continue;
                total += u.Weight;
                matched += u.Similarity * u.Weight;
            }
        }
        return total > 0 ? matched / total : null;
    }

    /// <summary>The words left without a counterpart ("-" when none).</summary>
    private static string Unmatched(Unit[] units) =>
        string.Join(' ', units.Where(u => u.Partner < 0 && !u.LegalForm).Select(u => u.Text)) is { Length: > 0 } text ? text : "-";

    private static bool IsSeries(Unit[] units, out int designators)
    {
        designators = 0;
        var series = false;
        foreach (ref readonly var u in units.AsSpan())
        {
            series |= u.Partner >= 0 && NameLexicon.SeriesWords.Contains(u.Text);
            if (u.Partner >= 0 || u.LegalForm)
                continue;
            if (u.Kind != TokenKind.Number && u.Text.Length > 1)
                return false;
            designators++;
        }
        return series;
    }

    /// <summary>Whether a word could be a misspelt short legal form: a distinctive word (not a trade, place or surname) of two to
    /// four letters.</summary>
    private static bool MayBeLegalForm(NameToken word) =>
        word.Kind == TokenKind.Distinctive && word.Text.Length is >= 2 and <= 4 && IsLetters(word.Text);

    /// <summary>The weight of the words of <paramref name="name"/> that <see cref="Compare(NormalizedName, double[], NormalizedName, double[], bool, bool)"/>
    /// may leave out of the share: its series numbers when it names a fund or trust, and its last word when it may be a
    /// misspelt legal form. <see cref="PartyIndex"/> bounds scores with it.</summary>
    public static double Slack(NormalizedName name, double[] weights)
    {
        if (name.Core.Length < 2)
            return 0;
        var slack = MayBeLegalForm(name.Core[^1]) ? weights[^1] : 0;
        if (!name.Core.Any(t => NameLexicon.SeriesWords.Contains(t.Text)))
            return slack;
        for (var i = 0; i < name.Core.Length; i++)
            if (name.Core[i].Kind == TokenKind.Number || name.Core[i].Text.Length == 1)
                slack += weights[i];
        return slack;
    }

    /// <summary>Marks the last word of <paramref name="name"/> as a legal form when it has no counterpart, may be a legal form
    /// (<see cref="MayBeLegalForm"/>), and is one letter away from a legal form <paramref name="other"/> has ("akg" and "ag").</summary>
    private static void MisspeltLegalForm(Unit[] units, NormalizedName name, NormalizedName other, List<string>? notes)
    {
        if (units.Length < 2 || other.Ignored.Length == 0)
            return;
        ref var u = ref units[^1];
        if (u.Partner >= 0 || u.Count != 1 || !MayBeLegalForm(name.Core[^1]) || !string.Equals(u.Text, name.Core[^1].Text, StringComparison.Ordinal))
            return;
        foreach (var form in other.Ignored)
        {
            if (form[0] != u.Text[0] || !NameLexicon.LegalForms.Contains(form) || !JaroWinkler.OneEditApart(u.Text, form))
                continue;
            u.LegalForm = true;
            notes?.Add($"{u.Text} read as the legal form {form}");
            return;
        }
    }

    /// <summary>Whether one name's legal forms name a company limited by shares and the other's a limited liability company.</summary>
    private static bool LegalFormsDiffer(NormalizedName a, NormalizedName b) =>
        a.LegalForms != LegalFormKind.None && b.LegalForms != LegalFormKind.None && (a.LegalForms & b.LegalForms) == LegalFormKind.None;

    private static string LegalFormsNote(NormalizedName a, NormalizedName b) =>
        $"legal forms of different kinds, {Forms(a)} / {Forms(b)} (at most {DifferenceCap})";

    private static string Forms(NormalizedName name) =>
        string.Join(' ', name.Ignored.Where(NameLexicon.LegalFormKinds.ContainsKey));

    /// <summary>Whether a place of the name has no counterpart, or only lends its initial to the other name's acronym: "NSCC
    /// Tianjin" names another place than "National Supercomputing Center Changsha", whose C it might spell.</summary>
    private static bool UnmatchedPlace(Unit[] units)
    {
        foreach (ref readonly var u in units.AsSpan())
            if ((u.Partner < 0 || u.Acronym) && u.Kind == TokenKind.Place)
                return true;
        return false;
    }

    private static string Ignored(NormalizedName a, NormalizedName b)
    {
        var ignored = a.Ignored.Concat(b.Ignored).Where(w => !NameLexicon.StopWords.Contains(w)).Distinct(StringComparer.Ordinal).ToList();
        return ignored.Count == 0 ? "" : "; ignored " + string.Join(", ", ignored);
    }

    private static Unit[] Units(NormalizedName name, double[] weights)
    {
        var units = new Unit[name.Core.Length];
        for (var i = 0; i < units.Length; i++)
            units[i] = new Unit(name.Core[i].Text, name.Core[i].Kind, weights[i], 1);
        return units;
    }

    /// <summary>A word of the screened name that spells the initials of a run of the listed name's words stands for the run;
    /// returns the shortest such acronym's length (0 when none).</summary>
    private static int Acronyms(Unit[] units, Unit[] others, NormalizedName other, List<string>? notes)
    {
        var shortest = 0;
        if (others.Length < 2)
            return 0;
        // A name is an acronym, perhaps with places, numbers or generic words ("SMIC Beijing", "PLA China"); a word among
        // other distinctive words or surnames ("Hua Wei Technologies") is not taken for one.
        var identifying = 0;
        foreach (ref readonly var u in units.AsSpan())
            if (u.Kind is TokenKind.Distinctive or TokenKind.Surname or TokenKind.Han)
                identifying++;
        if (identifying > 1)
            return 0;
        for (var i = 0; i < units.Length; i++)
        {
            ref var u = ref units[i];
            // A word equal to a word of the listed name that repeats that name's own initials ("CETC" and "China Electronics
            // Technology Group Corp. (CETC)") stands for the words they spell: the repeated acronym is then left over and
            // counts for nothing (Sum), so that it neither adds to the score nor takes from it.
            var repeated = u.Partner >= 0 && others[u.Partner].Count == 1 && others[u.Partner].Kind == TokenKind.Distinctive &&
                           string.Equals(others[u.Partner].Text, u.Text, StringComparison.Ordinal) ? u.Partner : -1;
            if ((u.Partner >= 0 && repeated < 0) || u.Kind is not (TokenKind.Distinctive or TokenKind.Generic) || u.Text.Length is < 3 or > 8 ||
                !IsLetters(u.Text) || !IsSubsequence(u.Text, other.Initials) || !FindAcronym(u.Text, other, others, out var first, out var count))
                continue;
            if (repeated >= 0)
            {
                others[repeated].Partner = -1;
                others[repeated].Similarity = 0;
                others[repeated].PartnerDistinctive = false;
            }
            u.Partner = first;
            u.Similarity = AcronymSimilarity;
            u.Acronym = true;
            var distinctive = false;
            for (var k = first; k < first + count; k++)
            {
                ref var o = ref others[k];
                o.Partner = i;
                o.Similarity = AcronymSimilarity;
                o.Acronym = true;
                o.PartnerDistinctive = u.Distinctive;
                distinctive |= o.Distinctive;
            }
            u.PartnerDistinctive = distinctive;
            shortest = shortest == 0 ? u.Text.Length : Math.Min(shortest, u.Text.Length);
            if (notes is not null)
                notes.Add($"acronym {u.Text} = '{string.Join(' ', others.Skip(first).Take(count).Select(o => o.Text))}'");
        }
        return shortest;
    }

    /// <summary>Whether every character of <paramref name="text"/> is a letter.</summary>
    internal static bool IsLetters(string text)
    {
        foreach (var c in text)
            if (!char.IsLetter(c))
                return false;
        return true;
    }

    private static bool IsSubsequence(string letters, string initials)
    {
        var k = 0;
        for (var i = 0; i < initials.Length && k < letters.Length; i++)
            if (initials[i] == letters[k])
                k++;
        return k == letters.Length;
    }

    /// <summary>Finds a run of <paramref name="name"/>'s words whose initials spell <paramref name="acronym"/>: every core word of
    /// the run gives its initial (a compound word the initials of its parts, <see cref="NameLexicon.CompoundInitials"/>),
    /// legal forms and stop words may ("Corporation" gives the C of SMIC, "of" gives nothing in NUDT). With
    /// <paramref name="units"/> (the core words of <paramref name="name"/> as aligned so far), the run takes only words not
    /// aligned yet: "NSCC Changsha" spells "National Supercomputing Center" of "National Supercomputing Center Changsha",
    /// whose "Changsha" is taken. The run must hold two core words or more; their positions come back in
    /// <paramref name="coreFirst"/> and <paramref name="coreCount"/>.</summary>
    private static bool FindAcronym(string acronym, NormalizedName name, Unit[]? units, out int coreFirst, out int coreCount)
    {
        var before = 0;
        for (var start = 0; start < name.All.Length; before += name.Optional[start] ? 0 : 1, start++)
        {
            if (name.All[start][0] != acronym[0] || !Spell(acronym, 0, name, start, before, units, out var end))
                continue;
            var inside = 0;
            for (var i = start; i < end; i++)
                if (!name.Optional[i])
                    inside++;
            if (inside >= 2)
            {
                coreFirst = before;
                coreCount = inside;
                return true;
            }
        }
        coreFirst = coreCount = 0;
        return false;
    }

    /// <summary>Whether the words of <paramref name="name"/> from <paramref name="p"/> (core word <paramref name="core"/>) spell
    /// <paramref name="acronym"/> from its letter <paramref name="k"/>; <paramref name="end"/> is where the run ends.</summary>
    private static bool Spell(string acronym, int k, NormalizedName name, int p, int core, Unit[]? units, out int end)
    {
        end = p;
        if (k == acronym.Length)
            return true;
        if (p == name.All.Length)
            return false;
        var optional = name.Optional[p];
        if (optional || units is null || units[core].Partner < 0)
        {
            var next = optional ? core : core + 1;
            if (name.All[p][0] == acronym[k] && Spell(acronym, k + 1, name, p + 1, next, units, out end))
                return true;
            // A compound word gives the initials of its parts ("Supercomputing" the S and C of NSCC).
            if (NameLexicon.CompoundInitials.TryGetValue(name.All[p], out var parts) && k + parts.Length <= acronym.Length &&
                acronym.AsSpan(k, parts.Length).SequenceEqual(parts) && Spell(acronym, k + parts.Length, name, p + 1, next, units, out end))
                return true;
        }
        // A legal form or stop word may be skipped inside the run, not at its start.
        return k > 0 && optional && Spell(acronym, k, name, p + 1, core, units, out end);
    }

    /// <summary>Joins a run of two or three words of <paramref name="units"/> that spells a free word of <paramref name="others"/>;
    /// the partners of <paramref name="others"/> follow the words that move.</summary>
    private static Unit[] Join(Unit[] units, Unit[] others, List<string>? notes, bool reversed)
    {
        if (units.Length < 2)
            return units;
        List<Unit>? result = null;
        int[]? moved = null;
        for (var i = 0; i < units.Length; i++)
        {
            var joined = false;
            for (var length = Math.Min(3, units.Length - i); length >= 2 && !joined; length--)
            {
                var chars = 0;
                var free = true;
                for (var k = i; k < i + length && free; k++)
                {
                    free = units[k].Partner < 0 && units[k].Kind != TokenKind.Number;
                    chars += units[k].Text.Length;
                }
                if (!free)
                    continue;
                for (var j = 0; j < others.Length && !joined; j++)
                {
                    ref readonly var o = ref others[j];
                    if (o.Partner >= 0 || o.Text.Length != chars || o.Kind == TokenKind.Number || !Spells(units, i, length, o.Text))
                        continue;
                    result ??= [.. units.AsSpan(0, i)];
                    moved ??= Enumerable.Range(0, units.Length).ToArray();
                    for (var k = i; k < units.Length; k++)
                        moved[k] = result.Count + Math.Max(0, k - i - length + 1);
                    result.Add(new Unit(o.Text, o.Kind, o.Weight, length));
                    notes?.Add(reversed
                        ? $"'{o.Text}' = {string.Join(' ', units.Skip(i).Take(length).Select(u => u.Text))} (joined)"
                        : $"{string.Join(' ', units.Skip(i).Take(length).Select(u => u.Text))} = '{o.Text}' (joined)");
                    i += length - 1;
                    joined = true;
                }
            }
            if (!joined)
                result?.Add(units[i]);
        }
        if (result is null)
            return units;
        for (var j = 0; j < others.Length; j++)
            if (others[j].Partner >= 0)
                others[j].Partner = moved![others[j].Partner];
        return [.. result];
    }

    private static bool Spells(Unit[] units, int from, int length, string text)
    {
        var span = text.AsSpan();
        for (var k = from; k < from + length; k++)
        {
            var t = units[k].Text;
            if (!span.StartsWith(t, StringComparison.Ordinal))
                return false;
            span = span[t.Length..];
        }
        return span.IsEmpty;
    }

    [ThreadStatic]
    private static List<(int A, int B, double Similarity)>? t_pairs;

    /// <summary>Pairs the remaining words one to one, most similar first (only equal words with <paramref name="exactOnly"/>).</summary>
    private static void Align(Unit[] a, Unit[] b, bool exactOnly, bool person)
    {
        var pairs = t_pairs ??= new List<(int, int, double)>(16);
        pairs.Clear();
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i].Partner >= 0)
                continue;
            for (var j = 0; j < b.Length; j++)
            {
                if (b[j].Partner >= 0)
                    continue;
                var s = exactOnly ? (string.Equals(a[i].Text, b[j].Text, StringComparison.Ordinal) ? 1 : 0) : Similarity(a[i], b[j], person);
                if (s > 0)
                    pairs.Add((i, j, s));
            }
        }
        if (pairs.Count == 0)
            return;
        if (pairs.Count > 1)
        {
            pairs.Sort((p, q) =>
            {
                var c = q.Similarity.CompareTo(p.Similarity);
                if (c != 0)
                    return c;
                c = (b[q.B].Weight + a[q.A].Weight).CompareTo(b[p.B].Weight + a[p.A].Weight);
                return c != 0 ? c : p.A != q.A ? p.A.CompareTo(q.A) : p.B.CompareTo(q.B);
            });
        }
        foreach (var (i, j, s) in pairs)
        {
            if (a[i].Partner >= 0 || b[j].Partner >= 0)
                continue;
            a[i].Partner = j;
            b[j].Partner = i;
            a[i].Similarity = b[j].Similarity = s;
            a[i].PartnerDistinctive = b[j].Distinctive;
            b[j].PartnerDistinctive = a[i].Distinctive;
        }
    }

    /// <summary>The similarity of two words: 1 when equal; for words of four letters or more, their Jaro-Winkler similarity
    /// when it is at least 0.90 (0.88 from six letters), else for five letters or more their edit-distance ratio when it is
    /// at least 0.8; for an individual's name, <see cref="NearSimilarity"/> for short words one letter apart
    /// (<see cref="IsNearPair"/>); otherwise 0 (numbers and short words must be equal).</summary>
    private static double Similarity(in Unit x, in Unit y, bool person)
    {
        if (string.Equals(x.Text, y.Text, StringComparison.Ordinal))
            return 1;
        if (x.Kind is TokenKind.Number or TokenKind.Han || y.Kind is TokenKind.Number or TokenKind.Han)
            return 0;
        // (Jaro-Winkler gives two short words one letter apart at most 0.883, under its threshold, so this takes nothing from it.)
        if (person && IsNearPair(x.Text, y.Text))
            return NearSimilarity;
        var shorter = Math.Min(x.Text.Length, y.Text.Length);
        var longer = Math.Max(x.Text.Length, y.Text.Length);
        // Jaro-Winkler cannot reach 0.88 when the shorter word is under 60% of the longer.
        if (shorter < 4 || shorter * 5 < longer * 3)
            return 0;
        var s = JaroWinkler.Similarity(x.Text, y.Text);
        if (s >= (shorter >= 6 ? 0.88 : 0.90))
            return s;
        // Jaro-Winkler misses a typo near the start ("Tayota"); one edit in five letters, or two in ten, is still a typo.
        if (shorter < 5 || (longer - shorter) * 5 > longer)
            return 0;
        var edits = JaroWinkler.LevenshteinRatio(x.Text, y.Text);
        return edits >= 0.8 ? edits : 0;
    }

    /// <summary>Whether two words of three or four letters, all letters, differ in exactly one: not the first, unless both
    /// are vowels there ("Umar" and "Omar"); "y" counts as a vowel ("Aly" and "Ali").</summary>
    internal static bool IsNearPair(string x, string y)
    {
        if (x.Length != y.Length || x.Length is < 3 or > 4 || !IsLetters(x) || !IsLetters(y))
            return false;
        var differences = 0;
        for (var i = 0; i < x.Length; i++)
            if (x[i] != y[i] && (++differences > 1 || (i == 0 && !(IsVowel(x[0]) && IsVowel(y[0])))))
                return false;
        return differences == 1;
    }

    /// <summary>A vowel of the Latin alphabet, "y" included (the names are normalized to lower case).</summary>
    internal static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static void Describe(Unit[] a, Unit[] b, List<string> notes)
    {
        var sb = new StringBuilder();
        foreach (var u in a)
        {
            if (u.Partner < 0 || u.Acronym)
                continue;
            if (sb.Length > 0)
                sb.Append(", ");
            sb.Append(u.Text);
            var partner = b[u.Partner].Text;
            if (u.Similarity < 1)
                sb.Append('~').Append(partner).Append(' ').Append(u.Similarity.ToString("0.00", CultureInfo.InvariantCulture));
            else if (!string.Equals(u.Text, partner, StringComparison.Ordinal))
                sb.Append('=').Append(partner);
        }
        if (sb.Length > 0)
            notes.Insert(0, "words " + sb);
        var missing = a.Where(u => u.Partner < 0 && !u.LegalForm).Select(u => u.Text).ToList();
        if (missing.Count > 0)
            notes.Add("only in the name: " + string.Join(" ", missing));
        var extra = b.Where(u => u.Partner < 0 && !u.LegalForm).Select(u => u.Text).ToList();
        if (extra.Count > 0)
            notes.Add("only in the listed name: " + string.Join(" ", extra));
    }

    /// <summary>A word (or a joined run of words) of one side during alignment.</summary>
    /// <remarks><see cref="Count"/> is the number of words a joined run stands for.</remarks>
    private struct Unit(string text, TokenKind kind, double weight, int count)
    {
        public readonly string Text = text;
        public readonly TokenKind Kind = kind;
        public readonly double Weight = weight;
        public readonly int Count = count;
        public int Partner = -1;
        public double Similarity;
        public bool PartnerDistinctive;
        public bool Acronym;

        /// <summary>A misspelt legal form ("akg"): left out of the score.</summary>
        public bool LegalForm;

        public readonly bool Distinctive => Kind is TokenKind.Distinctive or TokenKind.Han;
    }
}
