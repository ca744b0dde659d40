using System.Diagnostics;
using ChatOps.Core.Alerts;
using ChatOps.Core.Commands;
using ChatOps.Core.Delivery;
using ChatOps.Core.Incidents;
using ChatOps.Core.Telemetry;
using ChatOps.Core.Work;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Inbound;

/// <summary>
/// The one door every source comes through once its adapter has verified and translated it. Within the platform's
/// acknowledgement window it answers what can be answered at once (bad input, quick reads, an incident that cannot
/// be found) where the door can carry the answer, drops repeats, and stores everything else in the durable work queue,
/// where <see cref="InboundJob"/> runs it. Accepted means stored: <see cref="InboundOutcome.Queued"/> is answered only
/// once the item is committed, and a platform's retry of a delivery is recognised by the queue in that same write.
/// </summary>
public sealed partial class InboundPipeline(
    CommandDispatcher dispatcher,
    IncidentResolver resolver,
    IDeliveryDeduplicator deduplicator,
    IWorkQueue queue,
    WorkSignal signal,
    IOptionsMonitor<InboundOptions> options,
    IOptionsMonitor<AlertOptions> alerts,
    InboundMetrics metrics,
    ILogger<InboundPipeline> logger)
{
    public Task<InboundAnswer> AcceptAsync(InboundEnvelope envelope, CancellationToken cancellationToken) =>
        StoreAsync(envelope.DeliveryKey, envelope.RepeatKey, async token =>
        {
            if (!envelope.AnswerInAcknowledgement) return (null, InboundJob.Item(envelope));
            var (answer, found) = await AnswerNowAsync(envelope, token);
            return (answer, answer is null ? InboundJob.Item(envelope with { Incident = found }) : null);
        }, cancellationToken);

    /// <summary>
    /// An Alertmanager notification: it runs in the order of the alerts channel, so that a click on what it posts there
    /// comes after it. Alertmanager's retry of it carries the same delivery key.
    /// </summary>
    public Task<InboundAnswer> AcceptAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        var place = alerts.CurrentValue.Place
            ?? throw new InvalidOperationException($"{AlertOptions.SectionName}:Channel is not set, so an alert has nowhere to go.");
        var item = AlertJob.Item(notification, place);
        return StoreAsync(item.DeliveryKey!, null, _ => Task.FromResult<(InboundAnswer?, WorkItem?)>((null, item)), cancellationToken);
    }

    /// <summary>Prepares the item (or the answer now) and stores it, all within the store timeout.</summary>
    private async Task<InboundAnswer> StoreAsync(
        string deliveryKey, string? gesture, Func<CancellationToken, Task<(InboundAnswer? Answer, WorkItem? Item)>> prepare, CancellationToken cancellationToken)
    {
        var started = metrics.Start();
        using var activity = ChatOpsTelemetry.Source.StartActivity("inbound accept");
        var answer = await DecideAsync(deliveryKey, gesture, prepare, cancellationToken);
        metrics.Record(started, answer);
        activity?.SetTag("chatops.inbound.outcome", InboundMetrics.OutcomeOf(answer));
        return answer;
    }

    private async Task<InboundAnswer> DecideAsync(
        string deliveryKey, string? gesture, Func<CancellationToken, Task<(InboundAnswer? Answer, WorkItem? Item)>> prepare, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(settings.StoreTimeout);
        string? claimed = null;
        try
        {
            var (answer, item) = await prepare(bounded.Token);
            if (answer is not null) return answer;
            // A gesture is claimed before the item is stored: the second click of a double click is never stored.
            if (gesture is not null)
            {
                if (!await deduplicator.TryClaimAsync(gesture, settings.RepeatWindow, bounded.Token)) return InboundAnswer.Repeat;
                claimed = gesture;
            }
            if (!await queue.EnqueueAsync(Traced(item!), bounded.Token)) return InboundAnswer.Repeat;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The store did not answer a read or the write: nothing was done, and the platform must hear so. The person
            // is asked to click again, so the gesture is given back: that click must not count as the first one's double.
            LogNotStored(e, deliveryKey);
            if (claimed is not null) await ReleaseAsync(claimed);
            return InboundAnswer.Unavailable;
        }
        signal.Notify();
        return InboundAnswer.Queued;
    }

    private async Task ReleaseAsync(string gesture)
    {
        try
        {
            await deduplicator.ReleaseAsync(gesture, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The claim runs out by itself within the repeat window.
            LogNotReleased(e, gesture);
        }
    }

    /// <summary>The answer when there is one now; else the incident the command is about, when it names one.</summary>
    private async Task<(InboundAnswer? Answer, IncidentId? Incident)> AnswerNowAsync(InboundEnvelope envelope, CancellationToken cancellationToken)
    {
        var parsed = CommandParser.Parse(envelope.Text);
        if (!parsed.Succeeded) return (new InboundAnswer(InboundOutcome.Answered, CommandResult.Reject(parsed.Error)), null);

        var context = new CommandContext(envelope.Actor, envelope.Place);
        var spec = CommandTable.SpecOf(parsed.Command);
        if (spec.ReadOnly)
            return (new InboundAnswer(InboundOutcome.Answered, await dispatcher.DispatchAsync(parsed.Command, context, cancellationToken)), null);

        // An incident that cannot be found is a user error: say so now rather than from the background. Only verbs
        // that act on an incident find one; approve, deny, revert and done MIT-N find theirs through the request.
        if (!spec.NamesIncident || parsed.Command is IRequestCommand) return (null, null);
        var (incident, error) = await resolver.ResolveAsync(parsed.Command, context, cancellationToken);
        return error is not null ? (new InboundAnswer(InboundOutcome.Answered, CommandResult.Reject(error)), null) : (null, incident?.Id);
    }

    /// <summary>The item carries this request's trace, so that its run joins it, on whichever replica it runs.</summary>
    private static WorkItem Traced(WorkItem item) =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? item with { TraceParent = current.Id } : item;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The claim of gesture {Gesture} could not be given back; it runs out by itself")]
    private partial void LogNotReleased(Exception exception, string gesture);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryKey} could not be stored; the platform is told to try again")]
    private partial void LogNotStored(Exception exception, string deliveryKey);
}
