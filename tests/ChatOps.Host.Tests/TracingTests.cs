using System.Collections.Concurrent;
using System.Diagnostics;
using ChatOps.Core.Incidents;
using ChatOps.LocalWorkspace;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace ChatOps.Host.Tests;

/// <summary>
/// With an OTLP endpoint configured, a command's trace runs from the HTTP request through its acceptance to the work
/// item that ran it: the item stored the request's traceparent in the database, and its run is a child of it.
/// </summary>
public sealed class TracingTests : IDisposable
{
    private readonly ChatOpsFactory _factory = new();

    [Fact]
    public async Task The_work_of_a_command_is_a_span_in_the_trace_of_the_request_that_enqueued_it()
    {
        var ended = new Recorder();
        using var host = _factory.WithWebHostBuilder(b => b
            // Nothing listens there: the exporter's failures are its own; the spans are read from the recorder.
            .UseSetting("OpenTelemetry:Otlp:Endpoint", "http://127.0.0.1:9")
            .ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(ended))));
        using var client = host.CreateClient();
        var channel = Waits.NewChannel();

        await client.CommandAsync(WorkspaceDirectory.Bob, channel, "declare sev3 Traced from door to work");
        await host.Services.GetRequiredService<Workspace>().RootAsync(channel, "Traced from door to work");
        var store = host.Services.GetRequiredService<IIncidentStore>();
        var incident = Assert.Single(await store.ListOpenAsync(new ChatPlace("slack", channel), default)).Id.ToString();
        // The run's span ends once the item is recorded as done, just after its posts.
        var work = await ended.WaitAsync(s => s.DisplayName == "work inbound.command" && (string?)s.GetTagItem("chatops.incident") == incident);

        var accept = ended.Single(s => s.SpanId == work.ParentSpanId);
        var request = ended.Single(s => s.SpanId == accept.ParentSpanId);
        Assert.Equal("inbound accept", accept.DisplayName);
        Assert.Equal("accepted", accept.GetTagItem("chatops.inbound.outcome"));
        Assert.Equal((ActivityKind.Server, "/slack/commands"), (request.Kind, request.GetTagItem("http.route")));
        Assert.Equal(request.TraceId, work.TraceId);
        Assert.Equal(ActivityKind.Consumer, work.Kind);
        Assert.Equal(1, work.GetTagItem("chatops.work.attempt"));
    }

    [Theory]
    [InlineData("OpenTelemetry__Otlp__Endpoint", "OpenTelemetry:Otlp:Endpoint")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT")]
    public async Task A_collector_address_that_is_not_a_url_stops_the_host_with_one_line_naming_it(string variable, string setting)
    {
        var folder = Directory.CreateTempSubdirectory("chatops-otlp-");
        await using var process = HostProcess.Start(new Dictionary<string, string>
        {
            [variable] = "otel-collector:4317",
            ["Storage__Sqlite__Path"] = Path.Combine(folder.FullName, "chatops.db"),
        });

        Assert.Equal(1, await process.WaitForExitAsync());
        var line = Assert.Single(process.Output.Split('\n'), l => l.StartsWith("ChatOps cannot start: ", StringComparison.Ordinal));
        Assert.StartsWith($"ChatOps cannot start: {setting} must be the OTLP collector's absolute http(s) URL", line, StringComparison.Ordinal);
        folder.Delete(recursive: true);
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>Spans as they end, from every host in this process: a test picks its own by their tags and ids.</summary>
    private sealed class Recorder : BaseProcessor<Activity>
    {
        private readonly ConcurrentQueue<Activity> _ended = new();
        private readonly SemaphoreSlim _added = new(0);

        public override void OnEnd(Activity data)
        {
            _ended.Enqueue(data);
            _added.Release();
        }

        public Activity Single(Func<Activity, bool> match) => Assert.Single(_ended, s => match(s));

        public async Task<Activity> WaitAsync(Func<Activity, bool> match)
        {
            using var patience = new CancellationTokenSource(Waits.Patience);
            while (!_ended.Any(match)) await _added.WaitAsync(patience.Token);
            return _ended.First(match);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _added.Dispose();
            base.Dispose(disposing);
        }
    }
}
