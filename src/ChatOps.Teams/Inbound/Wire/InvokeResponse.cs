namespace ChatOps.Teams.Inbound.Wire;

/// <summary>
/// The synchronous answer to an <c>adaptiveCard/action</c> invoke
/// (https://learn.microsoft.com/adaptive-cards/authoring-cards/universal-action-model): a message shown to the person who
/// clicked. The changed card follows from the background, posted by the outbound side to every member.
/// </summary>
internal sealed record InvokeResponse(int StatusCode, string Type, string Value)
{
    public const string MessageType = "application/vnd.microsoft.activity.message";

    public static InvokeResponse Message(string text) => new(200, MessageType, text);
}
