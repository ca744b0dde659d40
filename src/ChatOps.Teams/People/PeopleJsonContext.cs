using System.Text.Json.Serialization;
using ChatOps.Teams.Outbound;

namespace ChatOps.Teams.People;

/// <summary>What the people's caches keep, as JSON.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TeamsMember))]
internal sealed partial class PeopleJsonContext : JsonSerializerContext;
