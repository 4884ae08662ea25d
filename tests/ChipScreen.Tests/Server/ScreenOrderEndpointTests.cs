using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Server;

/// <summary><c>POST /v1/screen</c> over real HTTP on loopback.</summary>
public class ScreenOrderEndpointTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private LoopbackServer Server => fixture.Server;

    /// <summary>Orders and the decision the contract's table gives them (an H100 unless said otherwise).</summary>
    public static TheoryData<string, string, string, string> Cases => new()
    {
        { """{"order_id":"SO-1","sku":"H100-SXM5-80GB","quantity":8,"destination_country":"Germany","end_user":"Acme GmbH"}""", "LICENSE_EXCEPTION", "AIA", "A2" },
        { """{"order_id":"SO-2","sku":"H100-SXM5-80GB","quantity":8,"destination_country":"China","end_user":"Acme"}""", "PROHIBITED", "", "A1" },
        { """{"order_id":"SO-3","sku":"H100-SXM5-80GB","quantity":8,"destination_country":"US","end_user":"Acme Inc"}""", "NLR", "", "A0" },
        { """{"order_id":"SO-4","sku":"H100-SXM5-80GB","quantity":8,"destination_country":"India","end_user":"Acme"}""", "LICENSE_EXCEPTION", "LPP", "A4" },
        { """{"order_id":"SO-5","sku":"H100-SXM5-80GB","quantity":8,"destination_country":"DE","end_user":"Acme","end_use":"missile guidance"}""", "HOLD", "", "F2;A2" },
        { """{"order_id":"SO-6","sku":"H100-SXM5-80GB","quantity":8,"destination_country":"IR","end_user":"Acme"}""", "PROHIBITED", "", "E1;A1" },
        { """{"order_id":"SO-7","tpp":"3000","die_area_mm2":600,"datacenter":true,"quantity":8,"destination_country":"DE","end_user":"Acme"}""", "NLR", "", "N1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AnOrder_GetsTheContractsDecision_NamingThePackRevision(string order, string decision, string exception, string rules)
    {
        using var client = Server.Client();
        using var response = await client.PostAsync("/v1/screen", LoopbackServer.Json(order));
        var body = await LoopbackServer.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(decision, (string?)body["decision"]);
        Assert.Equal(exception, (string?)body["exception"] ?? "");
        Assert.Equal(rules, string.Join(';', body["rule_ids"]!.AsArray().Select(r => (string?)r)));
        Assert.Equal(Screen.Pack.Revision, (string?)body["pack"]!["revision"]);
        Assert.Equal("2025-12-31", (string?)body["as_of"]);
        Assert.Equal("2026-01-15", (string?)body["rules_change_on"]); // ai-diffusion-2025 ends
        Assert.False((bool)body["ships_after_rules_change"]!); // no ship date: it ships on the as-of date
    }

    [Theory]
    [InlineData("2026-01-14", false)]
    [InlineData("2026-01-15", true)]
    [InlineData("2026-03-01", true)]
    public async Task AnOrderShippingOnOrAfterTheRulesChange_SaysSo_SoThatTheErpScreensItAgainBeforeItShips(string shipDate, bool after)
    {
        // As of 2025-12-31, an H20 to China is NLR under ai-diffusion-2025; from 2026-01-15, us-2026 requires a license.
        using var client = Server.Client();
        using var response = await client.PostAsync("/v1/screen", LoopbackServer.Json(
            $$"""{"order_id":"SO-1","sku":"H20-96GB","quantity":8,"destination_country":"China","end_user":"Acme","ship_date":"{{shipDate}}"}"""));
        var body = await LoopbackServer.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("NLR", (string?)body["decision"]);
        Assert.Equal("2026-01-15", (string?)body["rules_change_on"]);
        Assert.Equal(after, (bool)body["ships_after_rules_change"]!);
    }

    [Fact]
    public async Task APartyOnAList_IsNamedWithItsEntryScoreAndVerdict_AndACleanOrderHasNone()
    {
        using var client = Server.Client();
        using var listed = await client.PostAsync("/v1/screen", LoopbackServer.Json(
            """{"order_id":"SO-1","sku":"L40S-48GB","quantity":8,"destination_country":"China","end_user":"Hua Wei Technologies Co"}"""));
        var body = await LoopbackServer.ReadJsonAsync(listed);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal("PROHIBITED", (string?)body["decision"]);
        var match = Assert.Single(body["party_matches"]!.AsArray())!;
        Assert.Equal(("end_user", "Hua Wei Technologies Co", "CN", "entity_list", "el-huawei-technologies", "Huawei Technologies Co., Ltd."),
            ((string?)match["role"], (string?)match["name"], (string?)match["country"], (string?)match["list"], (string?)match["entry_id"], (string?)match["entry_name"]));
        Assert.Equal((100, "match", "84 FR 22961", "Presumption of denial", "denial"),
            ((int)match["score"]!, (string?)match["verdict"], (string?)match["federal_register_notice"], (string?)match["license_policy"], (string?)match["policy"]));
        Assert.Matches("^[0-9a-f]{12,}$", (string?)match["entry_hash"]);
        Assert.Contains("huawei", (string?)match["explanation"], StringComparison.Ordinal);

        using var clean = await client.PostAsync("/v1/screen", LoopbackServer.Json(
            """{"order_id":"SO-2","sku":"L40S-48GB","quantity":8,"destination_country":"Germany","end_user":"Plain Buyer GmbH"}"""));
        Assert.Empty((await LoopbackServer.ReadJsonAsync(clean))["party_matches"]!.AsArray());
    }

    [Fact]
    public async Task NoKey_Is401()
    {
        using var client = Server.Client(key: "");
        using var response = await client.PostAsync("/v1/screen", LoopbackServer.Json(LoopbackServer.Order().ToJsonString()));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(LoopbackServer.IsProblem(response));
        Assert.Equal("unauthorized", (string?)(await LoopbackServer.ReadJsonAsync(response))["code"]);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
    }

    [Theory]
    [InlineData("X-Api-Key", "wrong-key")]
    [InlineData("X-Api-Key", "test-key-0123456789abcde")]
    [InlineData("Authorization", "Bearer not-the-key")]
    public async Task AWrongKey_Is401(string header, string value)
    {
        using var client = Server.Client(key: "");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/screen") { Content = LoopbackServer.Json(LoopbackServer.Order().ToJsonString()) };
        request.Headers.TryAddWithoutValidation(header, value);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(LoopbackServer.IsProblem(response));
    }

    [Fact]
    public async Task TheKeyAsABearerToken_IsAccepted()
    {
        using var client = Server.Client(key: "");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/screen") { Content = LoopbackServer.Json(LoopbackServer.Order().ToJsonString()) };
        request.Headers.Authorization = new("Bearer", LoopbackServer.Key);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnOversizedBody_Is413()
    {
        using var client = Server.Client();
        var order = LoopbackServer.Order(endUse: new string('x', 10_000)); // the fixture allows 4,096 bytes
        using var response = await client.PostAsync("/v1/screen", LoopbackServer.Json(order.ToJsonString()));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = await LoopbackServer.ReadJsonAsync(response);
        Assert.Equal("body_too_large", (string?)body["code"]);
        Assert.Contains("MaxOrderBytes", (string?)body["detail"]);
    }

    [Fact]
    public async Task AnOrderWithAByteOrderMark_IsScreened_AsInABatch()
    {
        using var client = Server.Client();
        var body = "\uFEFF{\"order_id\":\"A\",\"sku\":\"H100-SXM5-80GB\",\"quantity\":8,\"destination_country\":\"India\",\"end_user\":\"X\"}";
        using var response = await client.PostAsync("/v1/screen", LoopbackServer.Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("A", (string?)(await LoopbackServer.ReadJsonAsync(response))["order_id"]);
    }

    [Fact]
    public async Task MalformedJson_Is400NamingTheField()
    {
        using var client = Server.Client();
        using var response = await client.PostAsync("/v1/screen", LoopbackServer.Json("""{"order_id":"SO-1","quantity":8,"destination_country": ,"end_user":"Acme"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(LoopbackServer.IsProblem(response));
        var body = await LoopbackServer.ReadJsonAsync(response);
        Assert.Equal("malformed_json", (string?)body["code"]);
        Assert.Equal("destination_country", (string?)body["field"]);
        Assert.Contains("line 1, column", (string?)body["detail"]);
    }

    [Theory]
    [InlineData("destination_country", "Narnia", "unknown_country")]
    [InlineData("quantity", "-5", "invalid")]
    [InlineData("quantity", "1.5", "invalid")]
    [InlineData("ship_date", "31/12/2025", "invalid")]
    [InlineData("sku", "NO-SUCH-SKU", "unknown_sku")]
    [InlineData("end_user_hq_contry", "CN", "unknown_field")]
    public async Task ABadField_Is400NamingIt(string field, string value, string code)
    {
        using var client = Server.Client();
        var order = LoopbackServer.Order();
        order[field] = field == "quantity" ? JsonValue.Create(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)) : value;
        using var response = await client.PostAsync("/v1/screen", LoopbackServer.Json(order.ToJsonString()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(LoopbackServer.IsProblem(response));
        var body = await LoopbackServer.ReadJsonAsync(response);
        Assert.Equal("invalid_order", (string?)body["code"]);
        Assert.Equal(field, (string?)body["field"]);
        var issue = Assert.Single(body["issues"]!.AsArray());
        Assert.Equal(field, (string?)issue!["field"]);
        Assert.Equal(code, (string?)issue["code"]);
        Assert.Contains(code == "unknown_field" ? field : value, (string?)issue["message"]);
        Assert.NotNull(body["errors"]![field]);
    }

    [Theory]
    [InlineData("M\u00FCller GmbH", "M\uFFFDller GmbH")] // sent as Windows-1252: 0xFC is not UTF-8
    [InlineData("M\\ud800ller GmbH", "M\\ud800ller GmbH")] // half a surrogate pair, escaped
    public async Task ANameThatIsNotText_Is400NamingIt_NotAServerError(string endUser, string shown)
    {
        using var client = Server.Client();
        var json = LoopbackServer.Order().ToJsonString().Replace("Test Buyer", endUser, StringComparison.Ordinal);
        using var response = await client.PostAsync("/v1/screen", LoopbackServer.Bytes(Encoding.Latin1.GetBytes(json), "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await LoopbackServer.ReadJsonAsync(response);
        Assert.Equal(("invalid_order", "end_user"), ((string?)body["code"], (string?)body["field"]));
        var issue = Assert.Single(body["issues"]!.AsArray());
        Assert.Equal("end_user '" + shown + "' is not text: it has bytes that are not UTF-8 (shown as \uFFFD) or an escape of half a surrogate pair",
            (string?)issue!["message"]);
    }

    [Fact]
    public async Task MissingRequiredFields_AreAllNamed()
    {
        using var client = Server.Client();
        using var response = await client.PostAsync("/v1/screen", LoopbackServer.Json("""{"sku":"H100-SXM5-80GB"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = (await LoopbackServer.ReadJsonAsync(response))["issues"]!.AsArray().Select(i => (string?)i!["field"]).ToHashSet();
        Assert.Superset(new HashSet<string?> { "order_id", "end_user", "quantity", "destination_country" }, fields);
    }

    [Theory]
    [InlineData("/v1/screen", "application/x-www-form-urlencoded", "application/json")]
    [InlineData("/v1/screen", "text/csv", "application/json")]
    [InlineData("/v1/screen/batch", "text/plain", "application/json (an array of orders) or text/csv")]
    public async Task AWrongContentType_Is415_InOurShape_NamingTheTypesAccepted(string path, string sent, string accepted)
    {
        using var client = Server.Client();
        using var response = await client.PostAsync(path, new StringContent("order_id=1", Encoding.UTF8, sent));
        var problem = await LoopbackServer.ReadProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        Assert.Equal("Content-Type", (string?)problem["field"]);
        Assert.StartsWith($"send the body as {accepted} (Content-Type was '{sent}", (string?)problem["detail"]);
    }

    [Theory]
    [InlineData("/v1/screen", "application/x-www-form-urlencoded")]
    [InlineData("/v1/screen/batch", "text/plain")]
    public async Task AWrongContentTypeWithoutAKey_Is401_TheKeyIsCheckedBeforeTheBody(string path, string sent)
    {
        // A caller without a key learns nothing about the endpoint's body, and is told what it must fix first.
        using var client = Server.Client(key: "");
        using var response = await client.PostAsync(path, new StringContent("order_id=1", Encoding.UTF8, sent));
        await LoopbackServer.ReadProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
    }

    [Theory]
    [InlineData("/v1/nothing-here")]
    [InlineData("/nothing-here")]
    [InlineData("/v1")]
    public async Task AnUnknownPath_Is404_InOurShape(string path)
    {
        using var client = Server.Client();
        using var response = await client.GetAsync(path);
        var problem = await LoopbackServer.ReadProblemAsync(response, HttpStatusCode.NotFound, "not_found");
        Assert.Contains(path, (string?)problem["detail"]);
    }

    [Theory]
    [InlineData("DELETE", "/v1/screen", "POST")]
    [InlineData("GET", "/v1/screen/batch", "POST")]
    [InlineData("POST", "/v1/packs", "GET, HEAD")]
    [InlineData("POST", "/healthz", "GET, HEAD")]
    public async Task AWrongMethod_Is405_InOurShape_WithTheMethodsAllowed(string method, string path, string allowed)
    {
        using var client = Server.Client();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = LoopbackServer.Json("{}") };
        using var response = await client.SendAsync(request);
        var problem = await LoopbackServer.ReadProblemAsync(response, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        Assert.Equal(allowed, string.Join(", ", response.Content.Headers.Allow));
        Assert.Contains(allowed, (string?)problem["detail"]);
    }

    [Fact]
    public async Task SixteenClients_SendingAThousandRequestsEach_AllGetCorrectDecisions()
    {
        var cases = Cases.Select(c => ((string)c[0], (string)c[1], (string)c[2], (string)c[3])).ToArray();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var answered = 0;
        var clients = Enumerable.Range(0, 16).Select(client => Task.Run(async () =>
        {
            using var http = Server.Client();
            for (var i = 0; i < 1000; i++)
            {
                var (order, decision, exception, rules) = cases[(client + i) % cases.Length];
                using var response = await http.PostAsync("/v1/screen", LoopbackServer.Json(order));
                var body = await LoopbackServer.ReadJsonAsync(response);
                var got = $"{(int)response.StatusCode} {body["decision"]} {body["exception"]} {string.Join(';', body["rule_ids"]?.AsArray().Select(r => (string?)r) ?? [])} {body["pack"]?["revision"]}";
                var want = $"200 {decision} {exception} {rules} {Screen.Pack.Revision}";
                if (got != want)
                    failures.Enqueue($"client {client} request {i}: want {want}, got {got}");
                Interlocked.Increment(ref answered);
            }
        })).ToArray();
        await Task.WhenAll(clients);
        Assert.Empty(failures);
        Assert.Equal(16_000, answered);
    }
}
