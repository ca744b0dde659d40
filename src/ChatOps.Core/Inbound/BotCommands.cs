using ChatOps.Core.Access;
using ChatOps.Core.Incidents;
using ChatOps.Core.Work;

namespace ChatOps.Core.Inbound;

/// <summary>
/// Commands the bot gives itself (an alert route's "declare", "run"), stored as work like a person's and run by the same
/// handlers. They join their channel's order, so one given by a running item runs after it: after its posts have made
/// the incident's thread.
/// </summary>
public sealed class BotCommands(IWorkQueue queue, WorkSignal signal)
{
    /// <param name="deliveryKey">The same for every attempt of the item that gives the command, so a retry gives it once.</param>
    public async Task GiveAsync(ChatPlace place, string command, string deliveryKey, CancellationToken cancellationToken)
    {
        if (await queue.EnqueueAsync(InboundJob.Item(new InboundEnvelope(Actor.System, place, command, deliveryKey)), cancellationToken))
            signal.Notify();
    }
}
