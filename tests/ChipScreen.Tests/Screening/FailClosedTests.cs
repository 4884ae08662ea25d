using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChipScreen.Orders;
using ChipScreen.Rules;
using ChipScreen.Screening;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Screening;

/// <summary>Bad data never clears a line, under any shipped pack. Every line of the samples gets one bad field, drawn with
/// a fixed seed from the ways order data goes wrong, and the batch is screened as a file: every line comes out, in order,
/// held or prohibited, with a message that names its row and the field.</summary>
public class FailClosedTests
{
    /// <summary>One bad field each (and, where the fault needs it, the catalog part it is about).</summary>
    private static readonly (string Field, string Value, string? Sku)[] Faults =
    [
        ("quantity", "", null), ("quantity", "0", null), ("quantity", "-3", null), ("quantity", "1.5", null), ("quantity", "ten", null),
        ("destination_country", "", null), ("destination_country", "Narnia", null), ("destination_country", "Korea", null),
        ("end_user_country", "Atlantis", null), ("end_user_hq_country", "Gondor", null),
        ("end_user", "", null), ("end_user", "M\uFFFDller GmbH", null), ("end_user", new string('A', 1_200), null),
        ("end_user", "...", null), ("consignee", "Forwarder \uFFFD Ltd", null), ("consignee", "\u200B", null),
        ("order_id", "", null), ("line", "A", null),
        ("ship_date", "2025-02-30", null), ("ship_date", "31/12/2025", null), ("ship_date", "1925-07-03", null), ("ship_date", "2099-07-03", null),
        ("sku", "NO-SUCH-SKU", null),
        ("tpp", "-5", null), ("tpp", "abc", null), ("tpp", "1.5", "H100-SXM5-80GB"),
        ("die_area_mm2", "0", null), ("die_area_mm2", "6000000", null), ("datacenter", "maybe", null), ("datacenter", "false", "H100-SXM5-80GB"),
        ("chips_per_unit", "0", null), ("chips_per_unit", "eight", null), ("chips_per_unit", "1", "HGX-H100-8GPU"),
    ];

    public static TheoryData<string, string, string> Packs => new()
    {
        { "ac-2023", "2024-06-01", "csv" },
        { "ai-diffusion-2025", "2025-09-30", "csv" },
        { "us-2026", "2026-06-01", "csv" },
        { "us-2026", "2026-08-01", "csv" }, // after the UAE's dated move
        { "us-2026", "2026-06-01", "json" }, // as the HTTP API reads orders
    };

    [Theory]
    [MemberData(nameof(Packs))]
    public void EveryLineWithABadField_IsHeldOrProhibited_NamingItsRowAndTheField(string packId, string asOf, string format)
    {
        var date = DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var pack = RulePackLoader.Load(Repo.Rules, packId, date);
        var random = new Random(20261129);
        var lines = new[] { "distributor-q3-2025.csv", "apac-distributor-2026-h1.csv" }
            .SelectMany(f => OrderCsvReader.Open(Path.Combine(Repo.Samples, f)).ReadLines().ToList())
            .ToList();
        var faults = lines.Select(_ => Faults[random.Next(Faults.Length)]).ToList();

        var rows = new List<string?[]>();
        foreach (var (line, fault) in lines.Zip(faults))
        {
            var fields = line.Raw!.ToArray();
            fields[Column(fault.Field)] = fault.Value;
            if (fault.Sku is { } sku)
            {
                // The part's figures from the catalog, but the one the fault gives.
                foreach (var figure in new[] { OrderColumns.Tpp, OrderColumns.DieAreaMm2, OrderColumns.Datacenter, OrderColumns.ChipsPerUnit }.Where(f => f != fault.Field))
                    fields[Column(figure)] = null;
                fields[Column(OrderColumns.Sku)] = sku;
            }
            rows.Add(fields);
        }
        var decisions = format == "csv" ? ScreenAsFile(pack, date, rows) : ScreenAsJson(pack, date, rows);

        Assert.Equal(Enumerable.Range(1, lines.Count).Select(i => (long)i), decisions.Select(d => d.Row)); // lines in = lines out
        foreach (var (d, fault) in decisions.Zip(faults))
        {
            var what = $"row {d.Row}: {fault.Field} = '{Shorten(fault.Value)}' gave {d.Decision}: {Shorten(d.Message)}";
            Assert.True(d.Decision is Decision.Hold or Decision.Prohibited, what);
            Assert.True(d.Message.Contains(format == "csv" ? $"row {d.Row} (line {d.Row + 1}): " : $"row {d.Row}: ", StringComparison.Ordinal), what);
            Assert.True(d.Facts.DataIssues.Any(m => m.StartsWith(fault.Field + " ", StringComparison.Ordinal)), what); // "quantity ..."
        }
    }

    private static List<LineDecision> ScreenAsFile(RulePack pack, DateOnly date, List<string?[]> rows)
    {
        var csv = new StringBuilder(string.Join(',', OrderColumns.All)).Append('\n');
        foreach (var fields in rows)
            csv.AppendJoin(',', fields.Select(f => "\"" + (f ?? "").Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")).Append('\n');
        using var dir = new TempDir();
        return new BatchScreener(pack).Screen(new OrderCsvFile(dir.Write("orders.csv", csv.ToString())), date).ToList();
    }

    private static List<LineDecision> ScreenAsJson(RulePack pack, DateOnly date, List<string?[]> rows)
    {
        var lines = rows.Select((fields, i) =>
        {
            var order = new JsonObject();
            for (var c = 0; c < fields.Length; c++)
                if (fields[c] is { } value)
                    order[OrderColumns.All[c]] = value;
            using var json = JsonDocument.Parse(order.ToJsonString());
            return OrderJson.Read(json.RootElement, i + 1);
        }).ToList();
        return new BatchScreener(pack).Screen(new OrderLines(lines), date).ToList();
    }

    private static int Column(string field) => OrderColumns.All.ToList().IndexOf(field);

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
