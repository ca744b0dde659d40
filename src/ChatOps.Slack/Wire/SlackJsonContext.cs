using System.Text.Json.Serialization;

namespace ChatOps.Slack.Wire;

/// <summary>Source-generated serialization of every wire type: Slack's snake_case, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(PostMessageRequest))]
[JsonSerializable(typeof(UpdateMessageRequest))]
[JsonSerializable(typeof(PostEphemeralRequest))]
[JsonSerializable(typeof(OpenViewRequest))]
[JsonSerializable(typeof(CompleteUploadRequest))]
[JsonSerializable(typeof(SlackResponse))]
[JsonSerializable(typeof(AuthTestResponse))]
[JsonSerializable(typeof(PostMessageResponse))]
[JsonSerializable(typeof(PostEphemeralResponse))]
[JsonSerializable(typeof(OpenViewResponse))]
[JsonSerializable(typeof(UserInfoResponse))]
[JsonSerializable(typeof(UserGroupUsersResponse))]
[JsonSerializable(typeof(UploadUrlResponse))]
[JsonSerializable(typeof(ConnectionsOpenResponse))]
[JsonSerializable(typeof(SocketModeFrame))]
[JsonSerializable(typeof(SocketModeAck))]
[JsonSerializable(typeof(InteractionPayload))]
[JsonSerializable(typeof(EventEnvelope))]
[JsonSerializable(typeof(ViewErrorsResponse))]
[JsonSerializable(typeof(SlashCommandResponse))]
[JsonSerializable(typeof(ChallengeResponse))]
[JsonSerializable(typeof(IReadOnlyList<SlackBlock>))]
[JsonSerializable(typeof(SlackView))]
[JsonSerializable(typeof(Inbound.ModalMetadata))]
[JsonSerializable(typeof(FormButtonValue))]
[JsonSerializable(typeof(FormModalMetadata))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
