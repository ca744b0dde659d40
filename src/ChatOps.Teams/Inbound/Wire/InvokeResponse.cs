using System.Text.Json.Nodes;
using ChatOps.Teams.Cards;

namespace ChatOps.Teams.Inbound.Wire;

/// <summary>
/// The synchronous answer to an <c>adaptiveCard/action</c> invoke, sent as the body of an HTTP 200
/// (https://learn.microsoft.com/adaptive-cards/authoring-cards/universal-action-model): a card that replaces the clicked
/// one for the person who clicked, or a message shown to them.
/// </summary>
internal sealed record InvokeResponse(int StatusCode, string Type, JsonNode Value)
{
    public const string MessageType = "application/vnd.microsoft.activity.message";

    public static InvokeResponse Message(string text) => new(200, MessageType, JsonValue.Create(text));

    public static InvokeResponse Card(JsonObject card) => new(200, AdaptiveCard.ContentType, card);
}
