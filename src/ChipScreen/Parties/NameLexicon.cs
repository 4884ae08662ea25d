using System.Collections.Frozen;

namespace ChipScreen.Parties;

/// <summary>The words name matching treats specially: legal forms and fillers (ignored), generic words and common
/// surnames (weak evidence), number words and spelling variants (rewritten).</summary>
/// <remarks>
/// Words are in the form <see cref="NameNormalizer"/> produces: lower case, without accents or punctuation. Cyrillic
/// words are written as they are spelt; their look-alike letters are read as Latin (<see cref="Confusables"/>) as the
/// sets are built, as the normalizer reads them in names.
/// Generic words and surnames still count when they match, but never on their own: two names that share only
/// such words are not the same party ("Technology Co., Ltd." matches nothing). Immutable.
/// </remarks>
internal static class NameLexicon
{
    /// <summary>Legal forms and fillers of company names, one word each; ignored when comparing names.</summary>
    public static FrozenSet<string> LegalForms { get; } = new[]
    {
        // English and international
        "co", "cos", "corp", "corporation", "company", "companies", "inc", "incorporated", "incorporation", "ltd", "limited",
        "llc", "llp", "lp", "plc", "pte", "pty", "pvt", "private", "group", "groups", "holding", "holdings",
        // German, Dutch, Nordic
        "gmbh", "mbh", "ag", "aktiengesellschaft", "kg", "kgaa", "ohg", "ug", "ev", "bv", "nv", "vof", "ab", "aps", "asa", "oy", "oyj", "hf",
        // French, Spanish, Portuguese, Italian, Romanian
        "sa", "sas", "sarl", "eurl", "srl", "sl", "slu", "spa", "sapa", "snc", "ltda", "sab", "cv", "sociedad", "anonima",
        // Central and Eastern Europe, Russia (transliterated)
        "zoo", "sro", "kft", "zrt", "nyrt", "doo", "dd", "ad", "ead", "ooo", "oao", "zao", "pao", "ao", "jsc", "ojsc", "cjsc", "pjsc", "tov",
        // Asia and the Middle East
        "kk", "gk", "bhd", "sdn", "tbk", "pt", "fze", "fzco", "fzc", "fzllc", "wll", "saog", "saoc",
        // Chinese legal forms in pinyin
        "youxian", "gongsi", "zeren", "gufen", "jituan",
        // Cyrillic abbreviations (accents and the breve are removed before comparing)
        "ооо", "оао", "зао", "пао", "ао", "ип",
    }.Select(Confusables.LowerLatin).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The kind of company some legal forms name: a company limited by shares ("AG", "S.A.", "JSC") or a limited
    /// liability company ("GmbH", "S.à r.l.", "LLC", "OOO"). A name with one kind and a name with the other are different
    /// companies ("Deutsche Bank AG", "Deutsche Bank GmbH"). Forms used loosely ("Ltd.", "Inc.", "Co.") have no kind.</summary>
    public static FrozenDictionary<string, LegalFormKind> LegalFormKinds { get; } = new Dictionary<string, LegalFormKind>
    {
        ["ag"] = LegalFormKind.Shares, ["aktiengesellschaft"] = LegalFormKind.Shares, ["sa"] = LegalFormKind.Shares,
        ["spa"] = LegalFormKind.Shares, ["nv"] = LegalFormKind.Shares, ["jsc"] = LegalFormKind.Shares, ["ojsc"] = LegalFormKind.Shares,
        ["cjsc"] = LegalFormKind.Shares, ["pjsc"] = LegalFormKind.Shares, ["ao"] = LegalFormKind.Shares, ["oao"] = LegalFormKind.Shares,
        ["zao"] = LegalFormKind.Shares, ["pao"] = LegalFormKind.Shares, ["ао"] = LegalFormKind.Shares, ["оао"] = LegalFormKind.Shares,
        ["зао"] = LegalFormKind.Shares, ["пао"] = LegalFormKind.Shares, ["anonyme"] = LegalFormKind.Shares, ["anonima"] = LegalFormKind.Shares,
        ["aktsionernoe"] = LegalFormKind.Shares, ["акционерное"] = LegalFormKind.Shares,
        ["gmbh"] = LegalFormKind.LimitedLiability, ["mbh"] = LegalFormKind.LimitedLiability, ["haftung"] = LegalFormKind.LimitedLiability,
        ["sarl"] = LegalFormKind.LimitedLiability, ["eurl"] = LegalFormKind.LimitedLiability, ["srl"] = LegalFormKind.LimitedLiability,
        ["llc"] = LegalFormKind.LimitedLiability, ["ooo"] = LegalFormKind.LimitedLiability, ["ооо"] = LegalFormKind.LimitedLiability,
        ["ogranichennoi"] = LegalFormKind.LimitedLiability, ["ограниченнои"] = LegalFormKind.LimitedLiability,
        ["liability"] = LegalFormKind.LimitedLiability, ["sro"] = LegalFormKind.LimitedLiability,
    }.GroupBy(k => Confusables.LowerLatin(k.Key)).ToFrozenDictionary(g => g.Key, g => g.Select(k => k.Value).Distinct().Single(), StringComparer.Ordinal);

    /// <summary>Legal forms written as several words; removed as a whole, wherever they stand.</summary>
    public static IReadOnlyList<string[]> LegalPhrases { get; } = new string[][]
    {
        ["limited", "liability", "company"], ["limited", "liability", "partnership"], ["public", "limited", "company"],
        ["open", "joint", "stock", "company"], ["closed", "joint", "stock", "company"], ["public", "joint", "stock", "company"],
        ["joint", "stock", "company"], ["joint", "stock"], ["sp", "z", "oo"], ["s", "de", "rl"], ["sa", "de", "cv"], ["de", "cv"],
        ["gesellschaft", "mit", "beschrankter", "haftung"], ["societatea", "cu", "raspundere", "limitata"], ["societe", "anonyme"],
        ["obshchestvo", "s", "ogranichennoi", "otvetstvennostyu"], ["otkrytoe", "aktsionernoe", "obshchestvo"],
        ["zakrytoe", "aktsionernoe", "obshchestvo"], ["publichnoe", "aktsionernoe", "obshchestvo"], ["aktsionernoe", "obshchestvo"],
        ["общество", "с", "ограниченнои", "ответственностью"], ["акционерное", "общество"], ["публичное", "акционерное", "общество"],
        ["youxian", "zeren", "gongsi"], ["gufen", "youxian", "gongsi"], ["youxian", "gongsi"],
    }.Select(p => Array.ConvertAll(p, Confusables.LowerLatin)).ToArray();

    /// <summary>Chinese legal forms, removed from the end of a run of Chinese characters (longest first).</summary>
    public static IReadOnlyList<string> HanLegalSuffixes { get; } =
        ["股份有限公司", "有限责任公司", "有限公司", "股份公司", "集团公司", "集團", "集团", "公司"];

    /// <summary>Words that carry no identity at all; dropped.</summary>
    public static FrozenSet<string> StopWords { get; } = new[] { "the", "of", "and", "for", "in", "a", "an", "und", "et", "y" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words many unrelated companies share: places, trades, kinds of organisation. Weak evidence.</summary>
    public static FrozenSet<string> GenericWords { get; } = new[]
    {
        // what companies do
        "technology", "technologies", "tech", "science", "sciences", "scientific", "electronic", "electronics", "electric", "electrical",
        "international", "industrial", "industries", "industry", "trading", "trade", "traders", "development", "developments",
        "information", "network", "networks", "system", "systems", "research", "institute", "institution", "university", "academy",
        "center", "centers", "engineering", "software", "digital", "data", "cloud", "computing", "computer", "computers", "compute",
        "communication", "communications", "telecom", "telecommunications", "equipment", "manufacturing", "services", "service",
        "solutions", "solution", "investment", "investments", "capital", "global", "national", "new", "energy", "power", "materials",
        "material", "devices", "device", "products", "product", "precision", "machinery", "machine", "instruments", "instrument",
        "enterprise", "enterprises", "import", "export", "logistics", "supply", "management", "consulting", "partners", "associates",
        "venture", "ventures", "resources", "microelectronics", "semiconductor", "semiconductors", "integrated", "circuit", "circuits",
        "chip", "chips", "intelligent", "intelligence", "ai", "smart", "innovation", "innovations", "design", "general", "united",
        "bank", "trust", "fund", "finance", "financial", "securities", "insurance", "media", "health", "medical", "pharmaceutical",
        "biotechnology", "motor", "motors", "aviation", "aerospace", "shipping", "marine", "transport", "construction", "estate",
        "property", "hardware", "components", "distribution", "wholesale", "retail", "online", "labs", "lab", "laboratory",
        "laboratories", "studio", "studios", "works", "factory", "plant", "office", "branch", "division", "department", "agency",
        "bureau", "organization", "association", "foundation", "society", "council", "committee", "ministry", "government", "state",
        "province", "city", "people", "republic", "federal", "optical", "photonics", "robotics", "automation", "control", "applied",
        "advanced", "high", "hpc", "datacenter", "supercomputing", "supercomputer", "supercomputers", "defense", "military", "security", "memory", "storage", "server", "servers", "micro", "nano", "commercial", "business",
        "brothers", "family", "hub", "park", "zone", "free", "gaming", "games", "rendering", "render", "visual", "effects", "cluster",
        "analytics", "inference", "genomics", "infrastructure", "operation", "operations", "economic", "real", "world",
        // Chinese generic words in pinyin
        "keji", "jishu", "dianzi", "xinxi", "zhongguo", "kexue", "yanjiusuo", "daxue", "touzi", "shiye", "zhineng", "gongye",
        "maoyi", "fazhan", "guoji", "wangluo", "ruanjian", "shuju", "jisuan", "xitong", "zhongxin",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Places: countries, demonyms, Chinese cities and provinces. Weak evidence; two names qualified by different
    /// places ("(Sweden)" and "(Finland)") are different branches.</summary>
    public static FrozenSet<string> Places { get; } = new[]
    {
        "china", "chinese", "beijing", "shanghai", "shenzhen", "guangzhou", "hangzhou", "wuhan", "tianjin", "chengdu", "nanjing",
        "suzhou", "xian", "hefei", "wuxi", "jinan", "changsha", "dongguan", "chongqing", "qingdao", "xiamen", "zhuhai", "hebei",
        "hubei", "hunan", "sichuan", "guangdong", "jiangsu", "zhejiang", "shandong", "fujian", "anhui", "hong", "kong", "macau", "macao",
        "taiwan", "taipei", "singapore", "asia", "asian", "pacific", "europe", "european", "america", "american", "usa", "us", "uk",
        "germany", "deutschland", "japan", "korea", "india", "middle", "east", "west", "north", "south", "central", "northern",
        "southern", "eastern", "western", "london", "dubai", "moscow", "tehran",
        // countries and demonyms (a qualifier such as "(Schweiz)" names a branch, not another party)
        "afghanistan", "albania", "algeria", "argentina", "armenia", "australia", "austria", "azerbaijan", "bahrain", "bangladesh",
        "belarus", "belgium", "bolivia", "brazil", "brasil", "bulgaria", "cambodia", "canada", "chile", "colombia", "croatia", "cuba",
        "cyprus", "czech", "denmark", "ecuador", "egypt", "estonia", "ethiopia", "finland", "france", "georgia", "ghana", "greece",
        "hungary", "iceland", "indonesia", "iran", "iraq", "ireland", "israel", "italy", "italia", "jordan", "kazakhstan", "kenya",
        "kuwait", "kyrgyzstan", "laos", "latvia", "lebanon", "libya", "lithuania", "luxembourg", "malaysia", "malta", "mexico",
        "mongolia", "morocco", "myanmar", "nepal", "netherlands", "nederland", "holland", "nigeria", "norway", "norge", "oman",
        "pakistan", "panama", "peru", "philippines", "poland", "polska", "portugal", "qatar", "romania", "russia", "russian", "saudi",
        "arabia", "serbia", "slovakia", "slovenia", "spain", "espana", "sweden", "sverige", "switzerland", "schweiz", "suisse",
        "svizzera", "syria", "tajikistan", "thailand", "tunisia", "turkey", "turkiye", "turkmenistan", "ukraine", "emirates", "uae",
        "britain", "british", "england", "scotland", "uzbekistan", "venezuela", "vietnam", "yemen", "zimbabwe", "africa", "african",
        "german", "french", "japanese", "korean", "indian", "swiss", "dutch", "italian", "spanish", "canadian", "australian",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Common family names (Chinese, Korean, Vietnamese, Indian, Arabic, Russian, English, Spanish): weak evidence.</summary>
    public static FrozenSet<string> Surnames { get; } = new[]
    {
        "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "lin",
        "gao", "luo", "zheng", "liang", "xie", "song", "tang", "han", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong",
        "pan", "yuan", "cai", "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren", "shen", "yao", "jin", "fan", "fu",
        "kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon", "jang", "lim", "nguyen", "tran", "le", "pham", "hoang", "phan",
        "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong", "ly", "wong", "chan", "leung", "cheung", "lau", "chow", "tan",
        "singh", "kumar", "sharma", "patel", "shah", "gupta", "reddy", "rao", "khan", "ali", "ahmed", "ahmad", "mohammed", "muhammad",
        "mohammad", "hassan", "hussein", "ibrahim", "abdullah", "rahman", "ivanov", "smirnov", "kuznetsov", "popov", "petrov",
        "smith", "johnson", "williams", "brown", "jones", "miller", "davis", "wilson", "anderson", "taylor", "thomas", "moore",
        "jackson", "martin", "thompson", "white", "harris", "clark", "lewis", "robinson", "walker", "young", "allen", "king", "wright",
        "scott", "hill", "green", "adams", "baker", "nelson", "carter", "mitchell", "roberts", "turner", "phillips", "campbell",
        "parker", "evans", "edwards", "collins", "stewart", "morris", "murphy", "cook", "rogers", "garcia", "rodriguez", "martinez",
        "hernandez", "lopez", "gonzalez", "perez", "sanchez", "ramirez", "torres", "flores", "silva", "santos", "oliveira", "costa",
        "muller", "schmidt", "schneider", "fischer", "weber", "meyer", "wagner", "becker", "schulz", "hoffmann", "tanaka", "suzuki",
        "sato", "takahashi", "watanabe", "ito", "yamamoto", "nakamura", "kobayashi",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Spelling variants rewritten to one form before comparing (abbreviations, British and American spellings).</summary>
    public static FrozenDictionary<string, string> Variants { get; } = new Dictionary<string, string>
    {
        ["tech"] = "technology", ["intl"] = "international", ["natl"] = "national", ["mfg"] = "manufacturing", ["dept"] = "department", ["univ"] = "university",
        ["inst"] = "institute", ["assn"] = "association", ["bros"] = "brothers", ["svcs"] = "services", ["sys"] = "systems",
        ["centre"] = "center", ["centres"] = "centers", ["organisation"] = "organization", ["organisations"] = "organizations",
        ["usa"] = "us", ["labour"] = "labor", ["defence"] = "defense", ["programme"] = "program", ["colour"] = "color", ["aluminium"] = "aluminum",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Abbreviations of several words, written out before comparing ("IC" is "integrated circuit"), so that
    /// "Chengdu Haiguang IC" and "Chengdu Haiguang Integrated Circuit" are one name.</summary>
    public static FrozenDictionary<string, string[]> Expansions { get; } = new Dictionary<string, string[]>
    {
        ["ic"] = ["integrated", "circuit"], ["ics"] = ["integrated", "circuits"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words made of two words, with the initials of their parts, which an acronym may take instead of the first
    /// letter: NSCC is National SuperComputing Center.</summary>
    public static FrozenDictionary<string, string> CompoundInitials { get; } = new Dictionary<string, string>
    {
        ["supercomputing"] = "sc", ["supercomputer"] = "sc", ["supercomputers"] = "sc", ["microelectronics"] = "me",
        ["datacenter"] = "dc", ["datacenters"] = "dc",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Names of places written as several words, rewritten to the one word they are abbreviated to ("U.S." reads
    /// "us"), longest first.</summary>
    public static IReadOnlyList<(string[] Words, string Word)> PhraseVariants { get; } =
    [
        (["united", "states", "of", "america"], "us"), (["united", "states"], "us"), (["united", "kingdom"], "uk"),
    ];

    /// <summary>Words that name a fund or trust of a numbered series ("Capital Partners VII L.P.", "Mortgage Loan Trust
    /// 2004-1"): vehicles of one sponsor that differ only by their series number are one family.</summary>
    public static FrozenSet<string> SeriesWords { get; } = new[] { "fund", "funds", "trust", "trusts", "partners", "series", "portfolio" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Number words (cardinal and ordinal) as digits.</summary>
    public static FrozenDictionary<string, int> NumberWords { get; } = new Dictionary<string, int>
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16,
        ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fourty"] = 40,
        ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7, ["eighth"] = 8,
        ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12, ["thirteenth"] = 13, ["fourteenth"] = 14,
        ["fifteenth"] = 15, ["sixteenth"] = 16, ["seventeenth"] = 17, ["eighteenth"] = 18, ["nineteenth"] = 19, ["twentieth"] = 20,
        // Roman numerals of two letters or more ("I", "V" and "X" alone are too often letters)
        ["ii"] = 2, ["iii"] = 3, ["iv"] = 4, ["vi"] = 6, ["vii"] = 7, ["viii"] = 8, ["ix"] = 9, ["xi"] = 11, ["xii"] = 12, ["xiii"] = 13,
        ["xiv"] = 14, ["xv"] = 15, ["xvi"] = 16, ["xvii"] = 17, ["xviii"] = 18, ["xix"] = 19, ["xx"] = 20,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}

/// <summary>The kinds of company a legal form can name (flags: a name may carry both, "GmbH &amp; Co. KGaA" aside).</summary>
[Flags]
internal enum LegalFormKind : byte
{
    /// <summary>No legal form with a kind.</summary>
    None = 0,
    /// <summary>A company limited by shares: AG, S.A., S.p.A., N.V., JSC, PAO.</summary>
    Shares = 1,
    /// <summary>A limited liability company: GmbH, S.à r.l., S.r.l., LLC, OOO.</summary>
    LimitedLiability = 2,
}
