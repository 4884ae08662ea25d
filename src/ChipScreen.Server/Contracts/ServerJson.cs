using System.Text.Json.Serialization;

namespace ChipScreen.Server.Contracts;

/// <summary>Source-generated JSON for the API's bodies: snake_case names, as the CSV contract spells its columns.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(OrderRequest))]
[JsonSerializable(typeof(OrderRequest[]))]
[JsonSerializable(typeof(ScreeningResponse))]
[JsonSerializable(typeof(ScreeningResponse[]))]
[JsonSerializable(typeof(PacksResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(IssueResponse[]))]
[JsonSerializable(typeof(Dictionary<string, string[]>))]
internal sealed partial class ServerJson : JsonSerializerContext;
