using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Server;

/// <summary><c>POST /v1/screen/batch</c> over real HTTP on loopback.</summary>
public class ScreenBatchEndpointTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private LoopbackServer Server => fixture.Server;

    [Fact]
    public async Task TheConformanceCsv_GetsEveryExpectedDecision_InInputOrder()
    {
        var orders = await File.ReadAllTextAsync(Path.Combine(Repo.Data, "conformance", "ai-diffusion-2025-orders.csv"));
        var expected = File.ReadAllLines(Path.Combine(Repo.Data, "conformance", "ai-diffusion-2025-expected.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        using var client = Server.Client();
        using var response = await client.PostAsync("/v1/screen/batch", LoopbackServer.Csv(orders));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await LoopbackServer.ReadJsonAsync(response)).AsArray();
        Assert.Equal(expected.Count, lines.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, d) = (expected[i], lines[i]!);
            var actual = new[] { (string?)d["order_id"], (string?)d["line"], (string?)d["decision"], (string?)d["exception"] ?? "", (string?)d["eccn"] ?? "", d["tier"]?.ToString() ?? "" };
            for (var c = 0; c < actual.Length; c++)
                if (e[c] != "*")
                    Assert.True(e[c] == actual[c], $"{e[0]}/{e[1]}: expected {string.Join(',', e)}, got {string.Join(',', actual)}");
            Assert.Equal(i + 1, (long)d["row"]!);
            Assert.Equal(Screen.Pack.Revision, (string?)d["pack"]!["revision"]);
        }
    }

    [Fact]
    public async Task AJsonArray_IsScreenedInOrder_AndABadLineIsHeldNamingItsField()
    {
        var batch = new JsonArray(
            LoopbackServer.Order("DE", order: "A"),
            new JsonObject { ["order_id"] = "B", ["sku"] = "H100-SXM5-80GB", ["qty"] = "ten", ["destination_country"] = "DE", ["end_user"] = "X" },
            LoopbackServer.Order("Narnia", order: "C"),
            LoopbackServer.Order("CN", order: "D"));
        using var client = Server.Client();
        using var response = await client.PostAsync("/v1/screen/batch", LoopbackServer.Json(batch.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await LoopbackServer.ReadJsonAsync(response)).AsArray();
        Assert.Equal(["A", "B", "C", "D"], lines.Select(l => (string?)l!["order_id"]));
        Assert.Equal(["LICENSE_EXCEPTION", "HOLD", "HOLD", "PROHIBITED"], lines.Select(l => (string?)l!["decision"]));
        Assert.Equal("quantity", (string?)lines[1]!["issues"]![0]!["field"]);
        Assert.Equal("unknown_country", (string?)lines[2]!["issues"]![0]!["code"]);
        Assert.Empty(lines[0]!["issues"]!.AsArray());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/csv")]
    public async Task ANameThatIsNotUtf8_HoldsItsLine_NotAServerError(string mediaType)
    {
        // An ERP that sends Windows-1252: "Müller" with the byte 0xFC, which is not UTF-8.
        var text = mediaType == "text/csv"
            ? "order_id,sku,quantity,destination_country,end_user\nA,H100-SXM5-80GB,1,DE,Acme\nB,H100-SXM5-80GB,1,DE,M\u00FCller GmbH\n"
            : "[" + LoopbackServer.Order(order: "A").ToJsonString() + "," + LoopbackServer.Order(order: "B").ToJsonString().Replace("Test Buyer", "M\u00FCller GmbH", StringComparison.Ordinal) + "]";
        using var client = Server.Client();
        using var response = await client.PostAsync("/v1/screen/batch", LoopbackServer.Bytes(Encoding.Latin1.GetBytes(text), mediaType));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await LoopbackServer.ReadJsonAsync(response)).AsArray();
        Assert.Equal(["A", "B"], lines.Select(l => (string?)l!["order_id"]));
        Assert.Equal("HOLD", (string?)lines[1]!["decision"]);
        var issue = Assert.Single(lines[1]!["issues"]!.AsArray());
        Assert.Equal(("end_user", "invalid"), ((string?)issue!["field"], (string?)issue["code"]));
        Assert.Contains("M\uFFFDller GmbH", (string?)issue["message"], StringComparison.Ordinal);
        Assert.NotEqual("HOLD", (string?)lines[0]!["decision"]);
    }

    [Fact]
    public async Task Volumes_AreSettledInShipDateOrder_NotArrivalOrder()
    {
        // Two 15.8M-TPP lines to one Indian consignee: together past the 26.9M LPP limit. The one that ships first
        // gets LPP, though it arrives second; the other needs a license.
        var later = LoopbackServer.Order("IN", quantity: 1000, order: "LATE");
        later["ship_date"] = "2025-09-01";
        var earlier = LoopbackServer.Order("IN", quantity: 1000, order: "EARLY");
        earlier["ship_date"] = "2025-03-01";
        using var client = Server.Client();
        using var response = await client.PostAsync("/v1/screen/batch", LoopbackServer.Json(new JsonArray(later, earlier).ToJsonString()));
        var lines = (await LoopbackServer.ReadJsonAsync(response)).AsArray();
        Assert.Equal("LATE", (string?)lines[0]!["order_id"]);
        Assert.Equal("LICENSE_REQUIRED", (string?)lines[0]!["decision"]);
        Assert.Equal("LPP", (string?)lines[1]!["exception"]);
    }

    [Fact]
    public async Task NdjsonIsOneObjectPerLine_WhenAccepted()
    {
        using var client = Server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/screen/batch")
        {
            Content = LoopbackServer.Json(new JsonArray(LoopbackServer.Order(order: "A"), LoopbackServer.Order("US", order: "B")).ToJsonString()),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-ndjson"));
        using var response = await client.SendAsync(request);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("NLR", (string?)JsonNode.Parse(lines[1])!["decision"]);
    }

    [Theory]
    [InlineData("application/x-ndjson;q=0, application/json", "application/json")] // q=0: not acceptable (RFC 9110 12.4.2)
    [InlineData("application/x-ndjson; q=0.0", "application/json")]
    [InlineData("application/x-ndjson;q=0.1, application/json;q=0.9", "application/json")]
    [InlineData("application/x-ndjson;q=0.1, */*", "application/json")]
    [InlineData("application/json;q=0.5, application/x-ndjson", "application/x-ndjson")]
    [InlineData("application/json, application/x-ndjson", "application/x-ndjson")] // named, and as good: as before
    [InlineData("text/csv;q=0, application/x-ndjson", "application/x-ndjson")]
    [InlineData("*/*", "application/json")]
    public async Task TheResponseType_FollowsTheQualitiesInAccept(string accept, string type)
    {
        using var client = Server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/screen/batch")
        {
            Content = LoopbackServer.Json(new JsonArray(LoopbackServer.Order(order: "A"), LoopbackServer.Order("US", order: "B")).ToJsonString()),
        };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var decisions = type == "application/json"
            ? JsonNode.Parse(body)!.AsArray().Select(d => (string?)d!["order_id"])
            : body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (string?)JsonNode.Parse(l)!["order_id"]);
        Assert.Equal(["A", "B"], decisions);
    }

    [Fact]
    public async Task AnEmptyArray_GivesAnEmptyArray()
    {
        using var client = Server.Client();
        using var response = await client.PostAsync("/v1/screen/batch", LoopbackServer.Json("[]"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await LoopbackServer.ReadJsonAsync(response)).AsArray());
    }

    [Fact]
    public async Task MalformedJson_Is400NamingTheOrder()
    {
        using var client = Server.Client();
        var body = "[" + LoopbackServer.Order().ToJsonString() + ",{\"order_id\":\"B\",\"quantity\": }]";
        using var response = await client.PostAsync("/v1/screen/batch", LoopbackServer.Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await LoopbackServer.ReadJsonAsync(response);
        Assert.Equal("malformed_json", (string?)problem["code"]);
        Assert.Equal("[2]", (string?)problem["field"]);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(90)] // past the reader's first chunk (16 KB), within the fixture's 100 lines
    public async Task MalformedJson_NamesTheOrderItBrokeIn_HoweverFarIntoTheArray(int valid)
    {
        using var client = Server.Client();
        var order = LoopbackServer.Order().ToJsonString();
        var body = "[" + string.Concat(Enumerable.Repeat(order + ",\n", valid)) + "{\"order_id\":\"B\",\n \"end_user\":\"unterminated}]";
        using var response = await client.PostAsync("/v1/screen/batch", LoopbackServer.Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await LoopbackServer.ReadJsonAsync(response);
        Assert.Equal("malformed_json", (string?)problem["code"]);
        Assert.Equal($"[{valid + 1}]", (string?)problem["field"]);
        Assert.Contains($"order {valid + 1} of the array", (string?)problem["detail"]);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("  \r\n null ")]
    [InlineData("\uFEFFnull")]
    public async Task NullInsteadOfAnArray_Is400_NotAnEmptyAnswer(string body)
    {
        using var client = Server.Client();
        using var response = await client.PostAsync("/v1/screen/batch", LoopbackServer.Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await LoopbackServer.ReadJsonAsync(response);
        Assert.Equal("malformed_json", (string?)problem["code"]);
        Assert.Contains("the body must be a JSON array of order objects, not null", (string?)problem["detail"]);
    }

    [Fact]
    public async Task AnObjectInsteadOfAnArray_Is400()
    {
        using var client = Server.Client();
        using var response = await client.PostAsync("/v1/screen/batch", LoopbackServer.Json(LoopbackServer.Order().ToJsonString()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("malformed_json", (string?)(await LoopbackServer.ReadJsonAsync(response))["code"]);
    }

    [Fact]
    public async Task ACsvSentAsApplicationCsv_IsScreened_AsTheEndpointPromises()
    {
        using var client = Server.Client();
        using var response = await client.PostAsync("/v1/screen/batch",
            LoopbackServer.Bytes(Encoding.UTF8.GetBytes("order_id,sku,quantity,destination_country,end_user\nSO-1,H100-SXM5-80GB,8,US,Acme\n"), "application/csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("NLR", (string?)(await LoopbackServer.ReadJsonAsync(response))[0]!["decision"]);
    }

    [Fact]
    public async Task ACsvWithoutARequiredColumn_Is400NamingIt()
    {
        using var client = Server.Client();
        using var response = await client.PostAsync("/v1/screen/batch", LoopbackServer.Csv("order_id,sku,destination_country,end_user\nSO-1,H100-SXM5-80GB,DE,Acme\n"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await LoopbackServer.ReadJsonAsync(response);
        Assert.Equal("orders_unusable", (string?)problem["code"]);
        Assert.Contains("'quantity'", (string?)problem["detail"]);
    }

    [Fact]
    public async Task ACsvWithAColumnThatLooksLikeAScreeningColumnButIsNotOne_Is400NamingIt_AsTheCommandLineStops()
    {
        // Read as unknown and ignored, an end user headquartered in China would have cleared under AIA.
        using var client = Server.Client();
        using var response = await client.PostAsync("/v1/screen/batch", LoopbackServer.Csv("order_id,sku,quantity,destination_country,end_user,End User HQ\nSO-1,H100-SXM5-80GB,8,DE,Acme,CN\n"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await LoopbackServer.ReadJsonAsync(response);
        Assert.Equal("orders_unusable", (string?)problem["code"]);
        Assert.Contains("column 'End User HQ' (did you mean end_user_hq_country?) is not one ChipScreen reads", (string?)problem["detail"]);
        Assert.Contains("or, if ChipScreen should not read it, remove it from the CSV (a batch over HTTP cannot name columns to ignore)", (string?)problem["detail"]);
    }

    [Fact]
    public async Task AnOversizedBody_Is413_EvenWithoutAContentLength()
    {
        var line = LoopbackServer.Order(endUse: new string('x', 5000)).ToJsonString();
        var body = "[" + string.Join(',', Enumerable.Repeat(line, 80)) + "]"; // ~400 KB in 80 lines; the fixture allows 256 KiB and 100 lines
        using var client = Server.Client();
        using var response = await client.PostAsync("/v1/screen/batch", new ChunkedJson(body));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("body_too_large", (string?)(await LoopbackServer.ReadJsonAsync(response))["code"]);
    }

    [Fact]
    public async Task MoreLinesThanTheLimit_Is413()
    {
        var body = new JsonArray([.. Enumerable.Range(0, 101).Select(i => (JsonNode)LoopbackServer.Order(order: $"SO-{i}"))]); // the fixture allows 100
        using var client = Server.Client();
        using var response = await client.PostAsync("/v1/screen/batch", LoopbackServer.Json(body.ToJsonString()));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("batch_too_large", (string?)(await LoopbackServer.ReadJsonAsync(response))["code"]);
    }

    [Fact]
    public async Task NoKey_Is401()
    {
        using var client = Server.Client(key: "");
        using var response = await client.PostAsync("/v1/screen/batch", LoopbackServer.Json("[]"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>A JSON body sent chunked, with no Content-Length.</summary>
    private sealed class ChunkedJson : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedJson(string json)
        {
            _bytes = Encoding.UTF8.GetBytes(json);
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var i = 0; i < _bytes.Length; i += 8192)
                await stream.WriteAsync(_bytes.AsMemory(i, Math.Min(8192, _bytes.Length - i)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
