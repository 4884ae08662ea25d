using System.Globalization;

namespace ChipScreen.Bench;

/// <summary>Distinct, company-like names for benchmarks: a place, one or two brand words, a trade and a legal form
/// ("Shenzhen Golden Harbor Electronics Co., Ltd."), with one name in 200 a spelling of a listed party ("Hua Wei
/// Technologies Co", "YMTC"), so that screening meets both. Seeded: the same arguments give the same names.</summary>
internal static class CompanyNames
{
    private static readonly string[] Places =
    [
        "", "", "", "Shenzhen", "Shanghai", "Beijing", "Hangzhou", "Suzhou", "Singapore", "Penang", "Bangalore", "Dubai", "Frankfurt", "Osaka",
        "Seoul", "Taipei", "Austin", "Warsaw", "Sao Paulo", "Mexico City", "Nairobi", "Istanbul", "Jakarta", "Hanoi", "Manila", "Riyadh",
    ];

    private static readonly string[] Brands =
    [
        "Nordic", "Pacific", "Golden", "Silver", "Blue", "Bright", "Prime", "Apex", "Delta", "Sigma", "Orion", "Nova", "Quantum", "Vertex", "Summit",
        "Harbor", "River", "Mountain", "Eagle", "Falcon", "Dragon", "Phoenix", "Lotus", "Jade", "Pearl", "Crystal", "Star", "Sun", "Moon", "Ocean",
        "Aurora", "Zenith", "Horizon", "Meridian", "Cobalt", "Granite", "Maple", "Cedar", "Willow", "Lumen", "Helix", "Atlas", "Kestrel", "Sable",
        "Tundra", "Savanna", "Monsoon", "Polar", "Ember", "Onyx", "Argent", "Cirrus", "Nimbus", "Sirius", "Vega", "Rigel", "Altair", "Lyra",
    ];

    private static readonly string[] Trades =
    [
        "Trading", "Technology", "Electronics", "Logistics", "Systems", "Computing", "Data", "Cloud", "Industrial", "Solutions", "Networks",
        "Semiconductor", "Supply", "Engineering", "AI", "Analytics", "Research", "Digital", "Components", "Information Technology",
    ];

    private static readonly string[] Forms = ["Co., Ltd.", "Ltd", "GmbH", "Inc.", "LLC", "Pte. Ltd.", "S.A.", "Corp.", "Sdn. Bhd.", "FZE", "K.K.", "Sp. z o.o."];

    private static readonly string[] Listed =
    [
        "Hua Wei Technologies Co", "HUAWEI DEVICE CO LTD", "YMTC", "SMIC", "Sugon Information Industry", "Zhi Pu Hua Zhang Technology",
        "Biren Technology", "Moore Threads", "Sophgo Technologies Limited", "Inspur Group", "National University of Defence Technology",
    ];

    public static string[] Generate(int count, int seed)
    {
        var random = new Random(seed);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            string name;
            do
            {
                if (random.Next(200) == 0)
                {
                    name = Listed[random.Next(Listed.Length)] + (names.Count % 3 == 0 ? "" : " " + Forms[random.Next(Forms.Length)]);
                }
                else
                {
                    var place = Places[random.Next(Places.Length)];
                    var first = random.Next(Brands.Length);
                    var brand = Brands[first] + (random.Next(3) == 0 ? " " + Brands[(first + 1 + random.Next(Brands.Length - 1)) % Brands.Length] : "");
                    var number = random.Next(4) == 0 ? " " + random.Next(1, 100).ToString(CultureInfo.InvariantCulture) : "";
                    name = $"{(place.Length > 0 ? place + " " : "")}{brand}{number} {Trades[random.Next(Trades.Length)]} {Forms[random.Next(Forms.Length)]}";
                }
            }
            while (!names.Add(name));
            result[i] = name;
        }
        return result;
    }
}
