using System.Text;
using System.Text.Json;
using ChipScreen.Orders;

namespace ChipScreen.Tests.Orders;

public class OrderJsonTests
{
    private static OrderLine Parse(string json) => OrderJson.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void ContractNames_AndErpAliases_AreRead_NumbersAsStringsOrNumbers()
    {
        var line = Parse("""{"Order Number":"SO-1","line":2,"ship_date":"2025-06-01","sku":"H100-SXM5-80GB","qty":"8","ship-to country":"Viet Nam","end_user":"Acme","hq_country":"SG","datacenter":false,"tpp":15832.5,"end_use":null}""");
        Assert.Equal(("SO-1", "2", new DateOnly(2025, 6, 1), "H100-SXM5-80GB", 8, "Viet Nam", "Acme", "SG", false, 15832.5m, null),
            (line.OrderId, line.Line, line.ShipDate, line.Sku, line.Quantity, line.DestinationCountry, line.EndUser, line.EndUserHqCountry, line.Datacenter, line.Tpp, line.EndUse));
        Assert.Empty(line.Issues);
    }

    [Fact]
    public void BadValues_AndUnknownOrRepeatedFields_AreIssuesOfTheLine()
    {
        var line = Parse("""{"order_id":"SO-1","quantity":1.5,"end_user_hq_contry":"CN","sku":{"a":1},"qty":3}""");
        Assert.Equal(["end_user_hq_contry unknown_field", "quantity invalid", "quantity invalid", "sku invalid"],
            line.Issues.Select(i => $"{i.Field} {i.Code}").Order(StringComparer.Ordinal));
        Assert.Contains(line.Issues, i => i.Message == "quantity is given twice");
    }

    [Theory]
    [InlineData("end_user", "\"Acme\xBA Corp\"", "'Acme\uFFFD Corp' is not text")]
    [InlineData("end_user", "\"Acme \\ud800Corp\"", "'Acme \\ud800Corp' is not text")]
    [InlineData("row", null, "'end_\uFFFDuser' is not text")]
    public void TextThatIsNotText_IsKeptAsWritten_AndItsFieldHeld(string field, string? endUser, string message)
    {
        // System.Text.Json leaves a string's bytes and escapes unchecked until it is read.
        var json = endUser is null
            ? "{\"order_id\":\"SO-1\",\"end_\xBAuser\":\"Acme\"}"
            : "{\"order_id\":\"SO-1\",\"end_user\":" + endUser + "}";
        var bytes = json.Select(c => (byte)c).ToArray(); // one byte per char: \xBA stays a lone byte
        var line = OrderJson.Parse(bytes);
        var issue = Assert.Single(line.Issues, i => i.Field == field);
        Assert.Equal(IssueCodes.Invalid, issue.Code);
        Assert.StartsWith(message, issue.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(line.Issues, i => i.Code == IssueCodes.Missing && i.Field == field);
    }

    [Fact]
    public void NotAnObject_IsAnIssue()
    {
        using var document = JsonDocument.Parse("[1]");
        Assert.Equal("row", Assert.Single(OrderJson.Read(document.RootElement).Issues).Field);
    }

    [Theory]
    [InlineData("""{"order_id":"SO-1","quantity": }""", "quantity", 1)]
    [InlineData("{\n\"order_id\":\"SO-1\",\n\"end_user\":\"Acme\" \"x\":1}", "end_user", 3)]
    [InlineData("", null, 1)]
    public void JsonThatDoesNotParse_ThrowsNamingTheFieldAndLine(string json, string? field, long line)
    {
        var e = Assert.Throws<OrderJsonException>(() => Parse(json));
        Assert.Equal(field, e.Field);
        Assert.Equal(line, e.LineNumber);
        Assert.DoesNotContain("LineNumber:", e.Message);
    }

    [Fact]
    public async Task AnArray_IsReadAsItArrives_AndABrokenElementIsNamed()
    {
        var lines = await OrderJson.ReadArrayAsync(new MemoryStream("""[{"order_id":"A"},{"order_id":"B"}]"""u8.ToArray())).ToListAsync();
        Assert.Equal([(1L, "A"), (2L, "B")], lines.Select(l => (l.Row, l.OrderId)));
        var e = await Assert.ThrowsAsync<OrderJsonException>(async () =>
            await OrderJson.ReadArrayAsync(new MemoryStream("""[{"order_id":"A"},{"order_id":"B"},{"order_id": }]"""u8.ToArray())).ToListAsync());
        Assert.Equal(3, e.Element);
    }
}
