using ChatOps.Core.Commands;

namespace ChatOps.Core.Inbound;

/// <summary>What the door tells the platform at once: accepted for the background, a private answer now, or a repeat.</summary>
public sealed record InboundAnswer(InboundOutcome Outcome, CommandResult? Reply = null)
{
    public static InboundAnswer Queued { get; } = new(InboundOutcome.Queued);

    public static InboundAnswer Repeat { get; } = new(InboundOutcome.Repeat);

    public static InboundAnswer Unavailable { get; } = new(InboundOutcome.Unavailable);

    /// <summary>What a person is told where the door shows an answer and the delivery could not be stored.</summary>
    public const string TryAgain = "ChatOps could not record this just now (its storage did not answer), so nothing was done. Try again in a moment.";

    /// <summary>The error that stopped the command, when the answer is a refusal.</summary>
    public CommandError? Error => Reply?.Error;
}

public enum InboundOutcome
{
    /// <summary>Accepted: it runs in the background and answers in chat.</summary>
    Queued,

    /// <summary>Answered now, privately: a quick read, or input that changes nothing.</summary>
    Answered,

    /// <summary>A delivery seen before, or a second click of the same button: acknowledged and dropped.</summary>
    Repeat,

    /// <summary>
    /// Not recorded (the store is unreachable), so nothing was done: the platform must not take it as accepted. Slack hears
    /// 503 where it retries; where the door shows an answer, the person is asked to try again.
    /// </summary>
    Unavailable,
}
