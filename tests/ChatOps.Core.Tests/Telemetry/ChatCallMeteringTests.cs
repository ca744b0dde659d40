using System.Net;
using ChatOps.Core.Chat;
using ChatOps.TestKit;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace ChatOps.Core.Tests.Telemetry;

/// <summary>Every attempt is counted with the method its client named and the status it got, or why it got none.</summary>
public sealed class ChatCallMeteringTests
{
    [Fact]
    public async Task Statuses_and_failures_are_counted_under_the_named_method_or_the_default()
    {
        using var calls = new MetricCollector<long>(TestMeters.Factory, "ChatOps", "chatops.chat.calls");
        var answers = new Queue<Func<HttpResponseMessage>>([
            () => new HttpResponseMessage(HttpStatusCode.TooManyRequests),
            () => new HttpResponseMessage(HttpStatusCode.OK),
            () => throw new HttpRequestException("connection refused"),
            () => throw new TaskCanceledException("attempt timed out"),
        ]);
        using var client = new HttpClient(new ChatCallMetering(new ChatCallMetrics(TestMeters.Factory), "slack", "unknown")
        {
            InnerHandler = new Answering(answers),
        });

        for (var i = 0; i < 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "https://slack.test/api/chat.postMessage");
            if (i < 3) request.Options.Set(ChatCallMetering.Method, "chat.postMessage");
            try
            {
                (await client.SendAsync(request)).Dispose();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Counted, then passed on to the retries above.
            }
        }

        Assert.Equal(
            [
                ("slack", "chat.postMessage", "429"), ("slack", "chat.postMessage", "200"),
                ("slack", "chat.postMessage", "unreachable"), ("slack", "unknown", "cancelled"),
            ],
            calls.GetMeasurementSnapshot().Select(m => ((string?)m.Tags["platform"], (string?)m.Tags["method"], (string?)m.Tags["status"])));
    }

    private sealed class Answering(Queue<Func<HttpResponseMessage>> answers) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answers.Dequeue()());
    }
}
