using System.Net;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Server;

/// <summary><c>GET /v1/packs</c>, <c>GET /healthz</c> and the OpenAPI document.</summary>
public class PacksAndHealthTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private LoopbackServer Server => fixture.Server;

    [Fact]
    public async Task Packs_NamesThePackServingAndItsRevision()
    {
        using var client = Server.Client();
        var body = await LoopbackServer.ReadJsonAsync(await client.GetAsync("/v1/packs"));
        Assert.Equal("ai-diffusion-2025", (string?)body["serving"]!["id"]);
        Assert.Equal(Screen.Pack.Revision, (string?)body["serving"]!["revision"]);
        Assert.Equal(Screen.Pack.ShortRevision, (string?)body["serving"]!["short_revision"]);
        Assert.False((bool)body["reload_on_change"]!);
        Assert.Null(body["last_reload"]);
    }

    [Fact]
    public async Task Packs_NeedsAKey()
    {
        using var client = Server.Client(key: "");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/v1/packs")).StatusCode);
    }

    [Fact]
    public async Task Health_NeedsNoKey_AndNamesThePack()
    {
        using var client = Server.Client(key: "");
        var body = await LoopbackServer.ReadJsonAsync(await client.GetAsync("/healthz"));
        Assert.Equal("ok", (string?)body["status"]);
        Assert.Equal(Screen.Pack.Revision, (string?)body["pack"]!["revision"]);
    }

    [Fact]
    public async Task Health_AnswersHead_AsGetWithoutTheBody()
    {
        // Load balancers and uptime monitors probe with HEAD.
        using var client = Server.Client(key: "");
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/healthz"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(true, HttpStatusCode.OK)]
    [InlineData(false, HttpStatusCode.Unauthorized)]
    public async Task Packs_AnswersHead_AsGetWithoutTheBody_AndNeedsTheKeyAsGetDoes(bool withKey, HttpStatusCode status)
    {
        using var client = withKey ? Server.Client() : Server.Client(key: "");
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/v1/packs"));
        Assert.Equal(status, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheBatchAsAnArrayInJson_AndOneDecisionPerLineInNdjson()
    {
        using var client = Server.Client(key: "");
        var document = await LoopbackServer.ReadJsonAsync(await client.GetAsync("/openapi/v1.json"));
        var content = document["paths"]!["/v1/screen/batch"]!["post"]!["responses"]!["200"]!["content"]!;
        Assert.Equal("array", (string?)content["application/json"]!["schema"]!["type"]);
        Assert.Equal("#/components/schemas/ScreeningResponse", (string?)content["application/x-ndjson"]!["schema"]!["$ref"]);
    }

    [Fact]
    public async Task TheOpenApiDocument_ListsEveryBodyTypeTheBatchTakes()
    {
        using var client = Server.Client(key: "");
        var document = await LoopbackServer.ReadJsonAsync(await client.GetAsync("/openapi/v1.json"));
        var types = document["paths"]!["/v1/screen/batch"]!["post"]!["requestBody"]!["content"]!.AsObject().Select(t => t.Key);
        Assert.Equal(["application/json", "text/csv", "application/csv"], types); // the server takes all three
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesEveryEndpointAndTheKey()
    {
        using var client = Server.Client(key: "");
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await LoopbackServer.ReadJsonAsync(response);
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Equal(["/healthz", "/v1/screen", "/v1/screen/batch", "/v1/packs"], paths);
        Assert.Equal("X-Api-Key", (string?)document["components"]!["securitySchemes"]!["ApiKey"]!["name"]);
        var order = document["components"]!["schemas"]!["OrderRequest"]!["properties"]!.AsObject().Select(p => p.Key);
        Assert.Equal(ChipScreen.Orders.OrderColumns.All, order); // the documented request is the CSV contract's columns
    }
}
