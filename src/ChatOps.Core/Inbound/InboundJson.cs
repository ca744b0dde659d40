using System.Text.Json.Serialization;

namespace ChatOps.Core.Inbound;

/// <summary>The envelope as the work queue stores it.</summary>
[JsonSerializable(typeof(InboundEnvelope))]
internal sealed partial class InboundJson : JsonSerializerContext;
