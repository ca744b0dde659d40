using System.Text.Json.Serialization;

namespace ChatOps.Core.Mitigations;

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class MitigationJson : JsonSerializerContext;
