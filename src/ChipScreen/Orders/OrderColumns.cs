using System.Collections.Frozen;
using System.Text;

namespace ChipScreen.Orders;

/// <summary>The contract's order columns and the header names ERP exports use for them.</summary>
/// <remarks>
/// Headers match ignoring case, spaces, hyphens, underscores, dots and slashes ("Ship-To Country",
/// "ship_to_country" and "SHIP TO COUNTRY" are the same). The README lists every alias.
/// </remarks>
public static class OrderColumns
{
#pragma warning disable CS1591 // the names are the contract's column names
    public const string OrderId = "order_id";
    public const string Line = "line";
    public const string ShipDate = "ship_date";
    public const string Sku = "sku";
    public const string Tpp = "tpp";
    public const string DieAreaMm2 = "die_area_mm2";
    public const string Datacenter = "datacenter";
    public const string ChipsPerUnit = "chips_per_unit";
    public const string Quantity = "quantity";
    public const string DestinationCountry = "destination_country";
    public const string EndUser = "end_user";
    public const string EndUserCountry = "end_user_country";
    public const string EndUserHqCountry = "end_user_hq_country";
    public const string Consignee = "consignee";
    public const string EndUse = "end_use";
#pragma warning restore CS1591

    /// <summary>Every column in contract order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        OrderId, Line, ShipDate, Sku, Tpp, DieAreaMm2, Datacenter, ChipsPerUnit, Quantity,
        DestinationCountry, EndUser, EndUserCountry, EndUserHqCountry, Consignee, EndUse,
    ];

    /// <summary>The columns a file must have (besides one of sku / tpp).</summary>
    public static IReadOnlyList<string> Required { get; } = [OrderId, Quantity, DestinationCountry, EndUser];

    /// <summary>The aliases accepted for each column, as written in the README.</summary>
    public static IReadOnlyDictionary<string, string[]> Aliases { get; } = new Dictionary<string, string[]>
    {
        [OrderId] = ["order", "order no", "order number", "sales order", "sales order number", "so number", "customer po", "po number", "purchase order"],
        [Line] = ["line no", "line number", "line item", "item no", "position", "pos"],
        [ShipDate] = ["shipping date", "planned ship date", "requested ship date", "delivery date"],
        [Sku] = ["part number", "part no", "material", "material number", "item number", "product", "mpn"],
        [Tpp] = ["total processing performance"],
        [DieAreaMm2] = ["die area", "die size", "die size mm2"],
        [Datacenter] = ["datacenter part", "is datacenter", "dc part"],
        [ChipsPerUnit] = ["gpus per unit", "gpu count"],
        [Quantity] = ["qty", "order qty", "quantity ordered", "units"],
        [DestinationCountry] = ["ship-to country", "destination", "country", "ship country", "destination country code"],
        [EndUser] = ["end user name", "end customer"],
        [EndUserCountry] = ["end user country code"],
        [EndUserHqCountry] = ["hq country", "headquarters country", "parent country", "ultimate parent country"],
        [Consignee] = ["ultimate consignee", "consignee name", "ship-to party", "ship-to name"],
        [EndUse] = ["intended use", "application"],
    };

    private static readonly FrozenDictionary<string, string> s_byKey = BuildKeys();

    /// <summary>The contract column a header names, or null.</summary>
    public static string? Match(string header) => s_byKey.GetValueOrDefault(Key(header));

    /// <summary>Words that make a name look like a screening column only beside another word: "Owner Location" is where
    /// the owner is, while "Account Owner" or "Storage Location" alone are harmless.</summary>
    private static readonly (string Column, string Word, string[] Beside)[] s_screeningPairs =
    [
        (EndUserHqCountry, "owner", ["location", "domicile", "residence", "seat", "country", "land", "nationality"]),
    ];

    /// <summary>What makes a column ChipScreen does not read look like one it screens, by the column it then suggests (the
    /// first that applies): parts found anywhere in the name's <see cref="Key"/>, and whole words (a trailing * for a word's
    /// start; a plural counts too).</summary>
    private static readonly (string Column, string[] Inside, string[] Words)[] s_screening =
    [
        (DestinationCountry, ["countr", "destin"], ["ctry", "cntry", "dest", "nation*", "land", "domicil*"]),
        (EndUserHqCountry, ["headquart"], ["hq", "parent", "ultimate"]),
        (Consignee, ["consign"], []),
        (EndUser, ["enduser", "endcustomer", "customer", "buyer", "purchaser", "recipient", "party", "parties"], ["user", "kunde*", "endkunde*"]),
        (EndUse, ["enduse", "purpose", "usage", "verbleib"], ["use"]),
        (Tpp, ["perform", "flops"], ["tpp"]),
        (DieAreaMm2, ["diearea", "diesize"], ["die"]),
        (Quantity, ["quantit", "qty"], []),
        (ShipDate, ["shipdate", "shipto", "shipment", "shipping", "shipped", "deliver"], ["ship*"]),
        (Datacenter, ["datacent"], []),
        (Sku, ["material", "product", "partnumber"], ["sku", "mpn", "part", "partno", "chip", "gpu", "model"]),
    ];

    /// <summary>Whether a header ChipScreen does not read looks like a column it screens, and if so the contract column it
    /// is nearest; null when it does not look like one (or is one: see <see cref="Match"/>).</summary>
    /// <remarks>
    /// <para>The rule, stated in the README: a name looks like a screening column when, ignoring case and separators, it
    /// contains <c>countr</c>, <c>destin</c>, <c>headquart</c>, <c>consign</c>, <c>enduse</c> (so also "end user"),
    /// <c>customer</c>, <c>buyer</c>, <c>purchaser</c>, <c>recipient</c>, <c>party</c>, <c>parties</c>, <c>purpose</c>,
    /// <c>usage</c>, <c>verbleib</c>, <c>perform</c>, <c>flops</c>, <c>diearea</c>, <c>diesize</c>, <c>quantit</c>, <c>qty</c>,
    /// <c>shipdate</c>, <c>shipto</c>, <c>shipment</c>, <c>shipping</c>, <c>shipped</c>, <c>deliver</c>, <c>datacent</c>,
    /// <c>material</c>, <c>product</c> or <c>partnumber</c>; or when one of its words is (or is the plural of)
    /// <c>ctry</c>, <c>cntry</c>, <c>dest</c>, <c>land</c> (German for country; not "landed"), <c>hq</c>, <c>parent</c>,
    /// <c>ultimate</c>, <c>user</c>, <c>use</c>, <c>tpp</c>, <c>die</c>, <c>sku</c>, <c>mpn</c>, <c>part</c>, <c>partno</c>,
    /// <c>chip</c>, <c>gpu</c> or <c>model</c>, or starts with <c>nation</c>, <c>domicil</c>, <c>kunde</c>, <c>endkunde</c>
    /// (German for customer, end customer) or <c>ship</c>; or when it has the word <c>owner</c> beside <c>location</c>,
    /// <c>domicile</c>, <c>residence</c>, <c>seat</c>, <c>country</c>, <c>land</c> or <c>nationality</c>. Such a column may hold what ChipScreen must screen ("Country of End User", "End User
    /// HQ") while a near-miss of its name leaves it unread, so a file with one is not screened until it is renamed or named
    /// to be ignored. Columns with other names ("Net Value", "Incoterms", "Currency", "Relationship Manager") are ignored.</para>
    /// <para>The column suggested is the one whose name or an alias shares the largest part of the words (Jaccard), words
    /// run together from the contract's own words split into them ("endusercountry" as "end user country"). A tie goes to
    /// the column of the first of these that applies, then to a column's own name over an alias; a name sharing no word
    /// gets that column too: country (destination_country), headquarters, consignee, end user, end use, TPP, die area,
    /// quantity, ship date, datacenter, SKU.</para>
    /// </remarks>
    public static string? LooksLike(string header)
    {
        if (Match(header) is not null)
            return null;
        var key = Key(header);
        var words = Words(header);
        var stem = s_screening.FirstOrDefault(s => s.Inside.Any(key.Contains) || s.Words.Any(w => words.Any(word => Is(word, w)))).Column
            ?? s_screeningPairs.FirstOrDefault(p => words.Any(word => Is(word, p.Word)) && p.Beside.Any(b => words.Any(word => Is(word, b)))).Column;
        if (stem is null)
            return null;
        var best = (Column: stem, Score: (0.0, 0, 0));
        foreach (var column in All)
            foreach (var (name, alias) in Aliases[column].Select(a => (a, true)).Prepend((column, false)))
            {
                var other = Words(name);
                var shared = words.Intersect(other).Count();
                if (shared == 0)
                    continue;
                var score = ((double)shared / words.Union(other).Count(), column == stem ? 1 : 0, alias ? 0 : 1);
                if (score.CompareTo(best.Score) > 0)
                    best = (column, score);
            }
        return best.Column;

        static bool Is(string word, string pattern) => pattern.EndsWith('*')
            ? word.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : word == pattern || word.Length == pattern.Length + 1 && word.EndsWith('s') && word.StartsWith(pattern, StringComparison.Ordinal);
    }

    /// <summary>The words of a header name, lower case: split at separators and at a lower-case letter followed by an upper-case
    /// one ("EndUserHQ"), a word run together from the contract's words split into them ("enduser"), a few spellings
    /// unified ("headquarters" as "hq", "qty" as "quantity", "centre" as "center"), and "of", "the", "for", "a", "an"
    /// left out.</summary>
    internal static HashSet<string> Words(string header)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        var previous = ' ';
        foreach (var c in header.Trim().TrimStart('\uFEFF'))
        {
            if (!char.IsLetterOrDigit(c) || char.IsUpper(c) && char.IsLower(previous))
                Add(word, words);
            if (char.IsLetterOrDigit(c))
                word.Append(char.ToLowerInvariant(c));
            previous = c;
        }
        Add(word, words);
        return words;

        static void Add(StringBuilder word, HashSet<string> words)
        {
            if (word.Length == 0)
                return;
            var text = word.ToString();
            word.Clear();
            foreach (var part in Split(text))
                if (part is not ("of" or "the" or "for" or "a" or "an"))
                    words.Add(part switch
                    {
                        "headquarters" or "headquarter" => "hq",
                        "qty" => "quantity",
                        "centre" => "center",
                        "datacentre" => "datacenter",
                        _ => part,
                    });
        }
    }

    /// <summary>A word run together from the contract's words, as those words ("endusercountry": end, user, country);
    /// otherwise the word itself.</summary>
    private static IEnumerable<string> Split(string word)
    {
        if (s_vocabulary.Contains(word))
            return [word];
        var parts = new List<string>();
        for (var start = 0; start < word.Length;)
        {
            var length = word.Length - start;
            while (length > 1 && !s_vocabulary.Contains(word.Substring(start, length)))
                length--;
            if (length <= 1)
                return [word];
            parts.Add(word.Substring(start, length));
            start += length;
        }
        return parts;
    }

    /// <summary>The words of the contract's column names and aliases.</summary>
    private static readonly FrozenSet<string> s_vocabulary = All.Concat(Aliases.Values.SelectMany(a => a))
        .SelectMany(n => n.Split([' ', '_', '-'], StringSplitOptions.RemoveEmptyEntries))
        .Where(w => w.Length > 1)
        .Append("hq").Append("headquarters").Append("country").Append("customer")
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The comparison key of a header: lower case, separators removed.</summary>
    internal static string Key(string header)
    {
        var sb = new StringBuilder(header.Length);
        foreach (var c in header.Trim().TrimStart('\uFEFF'))
            if (char.IsLetterOrDigit(c))
                sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    private static FrozenDictionary<string, string> BuildKeys()
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in All)
        {
            keys.Add(Key(column), column);
            foreach (var alias in Aliases[column])
                keys.Add(Key(alias), column); // throws at start-up if two columns claim one header
        }
        return keys.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
