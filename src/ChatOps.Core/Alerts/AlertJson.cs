using System.Text.Json.Serialization;

namespace ChatOps.Core.Alerts;

/// <summary>A notification as the work queue and the alert group store keep it.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(AlertNotification))]
internal sealed partial class AlertJson : JsonSerializerContext;
