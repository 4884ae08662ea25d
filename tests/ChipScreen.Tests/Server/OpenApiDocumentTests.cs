using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChipScreen.Orders;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Server;

/// <summary>The served OpenAPI document says what the API does: ERP developers generate clients from it, so each claim is
/// checked against the server's behaviour rather than against a second list.</summary>
public class OpenApiDocumentTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private LoopbackServer Server => fixture.Server;

    /// <summary>An order with every field given, each valid, so that leaving one out tests only its absence.</summary>
    private static JsonObject CompleteOrder() => new()
    {
        [OrderColumns.OrderId] = "SO-1",
        [OrderColumns.Line] = "1",
        [OrderColumns.ShipDate] = "2025-06-01",
        [OrderColumns.Sku] = "H100-SXM5-80GB",
        [OrderColumns.Tpp] = 15832,
        [OrderColumns.DieAreaMm2] = 814,
        [OrderColumns.Datacenter] = true,
        [OrderColumns.ChipsPerUnit] = 1,
        [OrderColumns.Quantity] = 8,
        [OrderColumns.DestinationCountry] = "DE",
        [OrderColumns.EndUser] = "Test Buyer",
        [OrderColumns.EndUserCountry] = "DE",
        [OrderColumns.EndUserHqCountry] = "DE",
        [OrderColumns.Consignee] = "Test Consignee GmbH",
        [OrderColumns.EndUse] = "model training",
    };

    private async Task<JsonNode> DocumentAsync()
    {
        using var client = Server.Client(key: "");
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await LoopbackServer.ReadJsonAsync(response);
    }

    private static JsonNode Schema(JsonNode document, string name) => document["components"]!["schemas"]![name]!;

    [Fact]
    public async Task TheOrdersRequiredFields_AreExactlyThoseTheApiRefusesAnOrderWithout()
    {
        var document = await DocumentAsync();
        var order = Schema(document, "OrderRequest");
        var required = order["required"]?.AsArray().Select(r => (string)r!).ToHashSet() ?? [];

        using var client = Server.Client();
        using (var complete = await client.PostAsync("/v1/screen", LoopbackServer.Json(CompleteOrder().ToJsonString())))
            Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        var refusedWithout = new HashSet<string>();
        foreach (var field in OrderColumns.All)
        {
            var without = CompleteOrder();
            without.Remove(field);
            using var response = await client.PostAsync("/v1/screen", LoopbackServer.Json(without.ToJsonString()));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var problem = await LoopbackServer.ReadProblemAsync(response, HttpStatusCode.BadRequest, "invalid_order");
                Assert.Equal(field, (string?)problem["field"]);
                refusedWithout.Add(field);
            }
        }
        Assert.NotEmpty(refusedWithout);
        Assert.Equal(refusedWithout.Order(StringComparer.Ordinal), required.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryOperationThatNeedsAKey_SaysSo_AndNoOtherDoes()
    {
        var document = await DocumentAsync();
        var schemes = document["components"]!["securitySchemes"]!;
        Assert.Equal(("apiKey", "header", "X-Api-Key"), ((string?)schemes["ApiKey"]!["type"], (string?)schemes["ApiKey"]!["in"], (string?)schemes["ApiKey"]!["name"]));
        Assert.Equal(("http", "bearer"), ((string?)schemes["Bearer"]!["type"], (string?)schemes["Bearer"]!["scheme"]));

        using var client = Server.Client(key: "");
        var checkedOperations = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path);
                if (method == "post")
                    request.Content = LoopbackServer.Json("{}");
                using var response = await client.SendAsync(request);
                var needsKey = response.StatusCode == HttpStatusCode.Unauthorized;
                // Either scheme will do: each requirement is one way in.
                var security = operation!["security"]?.AsArray().Select(r => string.Join(",", r!.AsObject().Select(s => s.Key))).ToList() ?? [];
                Assert.True(needsKey == (security.Count > 0), $"{method} {path}: answers {(int)response.StatusCode} without a key, security is [{string.Join("; ", security)}]");
                if (needsKey)
                {
                    Assert.Equal(["ApiKey", "Bearer"], security);
                    Assert.NotNull(operation["responses"]!["401"]);
                }
                checkedOperations++;
            }
        }
        Assert.Equal(4, checkedOperations);
        Assert.Null(document["security"]); // /healthz and the document itself are open
    }

    [Fact]
    public async Task EveryOperation_IsFiledUnderWhatItDoes_NotUnderTheClassThatServesIt()
    {
        // Client generators and API browsers group operations by tag: screening apart from the service's own state.
        var document = await DocumentAsync();
        var tags = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => ($"{o.Key} {p.Key}", string.Join(",", o.Value!["tags"]?.AsArray().Select(t => (string)t!) ?? []))))
            .OrderBy(t => t.Item1, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [("get /healthz", "Service"), ("get /v1/packs", "Service"), ("post /v1/screen", "Screening"), ("post /v1/screen/batch", "Screening")],
            tags);
    }

    [Fact]
    public async Task TheProblemSchema_DescribesEveryMemberOurProblemsCarry_AndRequiresThoseAlwaysThere()
    {
        var document = await DocumentAsync();
        var schema = Schema(document, "ProblemDetails");
        var properties = schema["properties"]!.AsObject();

        using var client = Server.Client();
        using var keyless = Server.Client(key: "");
        var bad = LoopbackServer.Order();
        bad[OrderColumns.Quantity] = "ten";
        bad[OrderColumns.DestinationCountry] = "Narnia";
        var problems = new List<JsonObject>();
        foreach (var response in new[]
                 {
                     await client.PostAsync("/v1/screen", LoopbackServer.Json(bad.ToJsonString())), // field, errors, issues
                     await client.PostAsync("/v1/screen", LoopbackServer.Json("{\"order_id\": ")), // field, no issues
                     await keyless.GetAsync("/v1/packs"), // none of the optional members
                 })
        {
            using (response)
            {
                Assert.True(LoopbackServer.IsProblem(response));
                problems.Add((await LoopbackServer.ReadJsonAsync(response)).AsObject());
            }
        }

        var seen = problems.SelectMany(p => p.Select(m => m.Key)).ToHashSet();
        var always = problems.Select(p => p.Select(m => m.Key)).Aggregate((a, b) => a.Intersect(b)).ToHashSet();
        Assert.Superset(new HashSet<string> { "code", "field", "errors", "issues", "trace_id" }, seen);
        Assert.Equal(seen.Order(StringComparer.Ordinal), properties.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(always.Order(StringComparer.Ordinal), schema["required"]!.AsArray().Select(r => (string)r!).Order(StringComparer.Ordinal));

        // Each member's type is the one it is sent as.
        foreach (var problem in problems)
            foreach (var (name, value) in problem)
                Assert.True(Types(properties[name]!).Contains(JsonType(value)), $"{name} is sent as {JsonType(value)}, documented as {properties[name]!.ToJsonString()}");
        Assert.Equal("#/components/schemas/IssueResponse", (string?)properties["issues"]!["items"]!["$ref"]);
        Assert.Equal("string", (string?)properties["errors"]!["additionalProperties"]!["items"]!["type"]);
    }

    [Fact]
    public async Task ANumberIsTypedAsTextToo_OnlyWhereTheApiReadsText_AndThePatternIsTheTextItReads()
    {
        var document = await DocumentAsync();
        var unions = new List<string>();
        Walk(document, (path, schema) =>
        {
            if (Types(schema) is var types && types.Contains("string") && (types.Contains("integer") || types.Contains("number")))
                unions.Add(path);
            else
                Assert.True(schema["pattern"] is null, $"{path} has a pattern but is not text read as a number");
        });
        // Responses are written by the serializer, numbers as numbers; only the order's numbers are read from text as well.
        var numeric = Schema(document, "OrderRequest")["properties"]!.AsObject()
            .Where(p => Types(p.Value!).Contains("integer") || Types(p.Value!).Contains("number")).Select(p => p.Key).ToList();
        Assert.Equal([OrderColumns.Tpp, OrderColumns.DieAreaMm2, OrderColumns.ChipsPerUnit, OrderColumns.Quantity], numeric);
        Assert.Equal(numeric.Select(n => "/components/schemas/OrderRequest/properties/" + n), unions);

        // The pattern accepts exactly the text the order reader takes as a number (blank text is no value, like null;
        // the limits a value must then keep, such as TPP > 0, are checked after reading and described in prose).
        string[] texts = ["8", "08", " 8 ", "15832", "0", "-8", "+8", "8.5", "8.", ".5", ".", "1e3", "1,000", "8 8", "0x10", "eight"];
        foreach (var field in numeric)
        {
            var property = Schema(document, "OrderRequest")["properties"]![field]!;
            var pattern = new Regex((string)property["pattern"]!, RegexOptions.ECMAScript);
            foreach (var text in texts)
            {
                using var json = JsonDocument.Parse(new JsonObject { [field] = text }.ToJsonString());
                var read = !OrderJson.Read(json.RootElement).Issues.Any(i => i.Field == field);
                Assert.True(read == pattern.IsMatch(text), $"{field} '{text}': the reader {(read ? "takes" : "refuses")} it, the pattern {(pattern.IsMatch(text) ? "matches" : "does not")}");
            }
            Assert.Contains(Types(property).Contains("integer") ? "integer" : "number", Types(property));
            if (Types(property).Contains("integer"))
                Assert.Equal(1, (int?)property["minimum"]); // the reader takes a positive whole number only
        }
    }

    private static HashSet<string> Types(JsonNode schema) => schema["type"] switch
    {
        JsonArray many => many.Select(t => (string)t!).ToHashSet(),
        JsonValue one => [(string)one!],
        _ => [],
    };

    private static string JsonType(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.String => "string",
        JsonValueKind.Number => value.ToJsonString().Contains('.') ? "number" : "integer",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "array",
        _ => "object",
    };

    /// <summary>Visits every schema of the document's components (properties and array items, at any depth).</summary>
    private static void Walk(JsonNode document, Action<string, JsonNode> visit)
    {
        foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject())
            Visit("/components/schemas/" + name, schema!);

        void Visit(string path, JsonNode schema)
        {
            visit(path, schema);
            if (schema["properties"] is JsonObject properties)
                foreach (var (name, property) in properties)
                    Visit(path + "/properties/" + name, property!);
            if (schema["items"] is JsonObject items)
                Visit(path + "/items", items);
            if (schema["additionalProperties"] is JsonObject additional)
                Visit(path + "/additionalProperties", additional);
        }
    }
}
