using System.Globalization;
using System.Text.Json;

namespace ChipScreen.Bench;

/// <summary>Writes a synthetic restricted-party list in ChipScreen's own format (an internal deny list), so that a bench
/// can screen against more entries than the 8,087 of the real lists in tests/data/lists. Each name is a made-up brand of
/// two or three syllables ("Varokin", "Teldramex") with a place, a trade and a legal form from the orders' vocabulary:
/// like a real list, it shares generic words with a customer base, not brands. <c>--overlap</c> takes the brands from
/// the orders' vocabulary instead ("Golden", "Harbor"), so that one customer in three resembles a listed name: a stress
/// test, far from real lists. Seeded: the same arguments give the same file.</summary>
internal static class ListGenerator
{
    private static readonly string[] Countries = ["CN", "HK", "RU", "IR", "AE", "SG", "MY", "TR", "KP", "BY"];

    private static readonly string[] Onsets = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kr", "st", "tr", "zh", "sh", "kh"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ei", "ou"];
    private static readonly string[] Codas = ["", "", "", "n", "r", "l", "k", "s", "x", "m"];
    private static readonly string[] Places = ["", "", "Moscow", "Tehran", "Dubai", "Hong Kong", "Minsk", "Shenzhen", "Almaty", "Istanbul"];
    private static readonly string[] Trades = ["Trading", "Technology", "Electronics", "Logistics", "Systems", "Industrial", "Engineering", "Supply", "Import Export"];
    private static readonly string[] Forms = ["Co., Ltd.", "LLC", "FZE", "OOO", "JSC", "Ltd", "GmbH", "Limited"];

    public static int Run(string[] args)
    {
        var count = int.Parse(args[0], CultureInfo.InvariantCulture);
        var path = args[1];
        var seed = Generator.Option(args, "--seed", 7_000_001);
        var random = new Random(seed);
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("title", $"Synthetic internal deny list for benchmarks ({count:N0} entries, seed {seed})");
        json.WriteStartArray("entries");
        var i = 0;
        foreach (var name in args.Contains("--overlap") ? CompanyNames.Generate(count, seed) : Names(count, random))
        {
            json.WriteStartObject();
            json.WriteString("id", $"syn-{++i:D6}");
            json.WriteString("list", "internal_deny");
            json.WriteString("name", name);
            json.WriteStartArray("countries");
            json.WriteStringValue(Countries[random.Next(Countries.Length)]);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        Console.WriteLine($"wrote {count:N0} entries to {path}");
        return 0;
    }

    /// <summary><paramref name="count"/> distinct names with made-up brands.</summary>
    private static IEnumerable<string> Names(int count, Random random)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (names.Count < count)
        {
            var brand = string.Concat(Enumerable.Range(0, 2 + random.Next(2)).Select(_ => Onsets[random.Next(Onsets.Length)] + Vowels[random.Next(Vowels.Length)])) +
                        Codas[random.Next(Codas.Length)];
            var place = Places[random.Next(Places.Length)];
            var name = $"{(place.Length > 0 ? place + " " : "")}{char.ToUpperInvariant(brand[0])}{brand[1..]} {Trades[random.Next(Trades.Length)]} {Forms[random.Next(Forms.Length)]}";
            if (names.Add(name))
                yield return name;
        }
    }
}
