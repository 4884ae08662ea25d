using System.Globalization;
using System.Text;

namespace ChipScreen.Bench;

/// <summary>Writes a synthetic but realistic orders batch: catalog SKUs and explicit figures, ERP-style country names,
/// a pool of distinct end users, ship dates over a year, a few red flags and malformed rows. Seeded: the same
/// arguments give the same file.</summary>
internal static class Generator
{
    private static readonly string[] Skus =
    [
        "H100-SXM5-80GB", "H100-PCIE-80GB", "H200-SXM-141GB", "H20-96GB", "A100-SXM4-80GB", "B200-180GB", "L40S-48GB", "L4-24GB",
        "RTX4090-24GB", "RTX4090D-24GB", "MI210-64GB", "MI250X-128GB", "MI300X-192GB", "GAUDI2-96GB", "GAUDI3-128GB", "HGX-H100-8GPU", "DGX-B200", "L20-48GB",
    ];

    private static readonly string[] Countries =
    [
        "US", "United States", "DE", "Germany", "JP", "Japan", "GB", "UK", "FR", "NL", "KR", "TW", "Taiwan", "AU", "CA",
        "IN", "India", "BR", "Brazil", "MX", "SG", "Singapore", "AE", "UAE", "SA", "Saudi Arabia", "MY", "Malaysia", "TH", "VN", "Viet Nam",
        "IL", "TR", "PL", "ZA", "CL", "KE", "EG", "ID", "PH", "CN", "China", "HK", "Hong Kong", "MO", "RU", "IR",
    ];

    private static readonly string[] EndUses =
    [
        "", "", "", "", "AI training cluster", "inference service", "cloud datacenter expansion", "research lab", "rendering farm",
        "university HPC", "military logistics", "supercomputer upgrade",
    ];

    public static int Run(string[] args)
    {
        var lines = long.Parse(args[0], CultureInfo.InvariantCulture);
        var path = args[1];
        var seed = Option(args, "--seed", 42);
        var names = Option(args, "--names", 20_000);
        var random = new Random(seed);
        var endUsers = args.Contains("--company-names")
            ? CompanyNames.Generate(names, seed)
            : Enumerable.Range(0, names).Select(i => $"Buyer {i:D5} {Suffix(i)}").ToArray();

        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("order_id,line,ship_date,sku,tpp,die_area_mm2,datacenter,chips_per_unit,quantity,destination_country,end_user,end_user_country,end_user_hq_country,consignee,end_use\n");
        var start = new DateOnly(2025, 1, 1);
        var sb = new StringBuilder(256);
        for (long i = 0; i < lines; i++)
        {
            sb.Clear();
            var order = i / 3;
            sb.Append("SO-").Append(order.ToString("D8", CultureInfo.InvariantCulture)).Append(',').Append(i % 3 + 1).Append(',');
            sb.Append(start.AddDays(random.Next(365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',');
            if (random.Next(10) < 8)
            {
                sb.Append(Skus[random.Next(Skus.Length)]).Append(",,,,,");
            }
            else
            {
                var tpp = random.Next(4) switch { 0 => 1599, 1 => 2400 + random.Next(2400), 2 => 4800 + random.Next(20000), _ => 1600 + random.Next(800) };
                sb.Append(",").Append(tpp).Append(',').Append(200 + random.Next(1400)).Append(',').Append(random.Next(5) == 0 ? "false" : "true").Append(',').Append(random.Next(6) == 0 ? 8 : 1).Append(',');
            }
            sb.Append(random.Next(20) == 0 ? 1000 + random.Next(2000) : 1 + random.Next(64)).Append(',');
            var country = Countries[random.Next(Countries.Length)];
            sb.Append(country.Contains(' ') ? $"\"{country}\"" : country).Append(',');
            var endUser = endUsers[random.Next(endUsers.Length)];
            sb.Append('"').Append(endUser).Append("\",");
            sb.Append(random.Next(15) == 0 ? Countries[random.Next(Countries.Length)].Replace(" ", "") : "").Append(',');
            sb.Append(random.Next(12) == 0 ? (random.Next(3) == 0 ? "CN" : "US") : "").Append(',');
            sb.Append(random.Next(8) == 0 ? $"\"Logistics Hub {random.Next(500)} Pte. Ltd.\"" : "").Append(',');
            sb.Append(EndUses[random.Next(EndUses.Length)]);
            if (random.Next(5000) == 0)
                sb.Append(",unexpected extra field");
            sb.Append('\n');
            writer.Write(sb);
        }
        Console.WriteLine($"wrote {lines:N0} lines with {names:N0} distinct end users to {path}");
        return 0;
    }

    private static string Suffix(int i) => (i % 5) switch { 0 => "Ltd", 1 => "GmbH", 2 => "Inc.", 3 => "Co., Ltd.", _ => "S.A." };

    internal static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
