using System.Text.Json.Serialization;

namespace ChatOps.Teams.Inbound.Wire;

/// <summary>Source-generated serialization of the inbound wire types: the Bot Framework's camelCase, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TeamsActivity))]
[JsonSerializable(typeof(InvokeResponse))]
[JsonSerializable(typeof(DeclareFormRequest))]
internal sealed partial class InboundJsonContext : JsonSerializerContext;
