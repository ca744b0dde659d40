using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Commands;

/// <summary>What a handler did: messages to post, or the error that stopped it (nothing changed then).</summary>
public sealed record CommandResult(IReadOnlyList<Outgoing> Messages, CommandError? Error = null)
{
    public static CommandResult Reject(CommandError error) =>
        new([new Outgoing(Audience.Requester, ChatMessage.Plain(error.ToString()))], error);

    public static CommandResult Reject(CommandErrorCode code, string message, string? usage = null) =>
        Reject(new CommandError(code, message, usage));

    public static CommandResult ToRequester(ChatMessage message) => new([new Outgoing(Audience.Requester, message)]);

    public static CommandResult Of(params Outgoing[] messages) => new(messages);

    /// <summary>A reply in the thread and, because the incident changed, a fresh root message.</summary>
    public static CommandResult Changed(Incident incident, ChatMessage threadReply, ChatMessage card) =>
        new([new Outgoing(Audience.Thread, threadReply, incident), new Outgoing(Audience.Root, card, incident)]);
}
