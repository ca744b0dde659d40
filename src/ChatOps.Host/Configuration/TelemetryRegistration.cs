using ChatOps.Core.Inbound;
using ChatOps.Core.Telemetry;
using ChatOps.Host.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ChatOps.Host.Configuration;

/// <summary>
/// OpenTelemetry: the bot's meter, ASP.NET Core's, HttpClient's and the runtime's, exported in Prometheus's text format at
/// <c>/metrics</c>; traces (each request, the work items it enqueued and every outbound call) exported over OTLP only
/// when an endpoint is configured, and not collected at all otherwise.
/// </summary>
internal static class TelemetryRegistration
{
    public const string ServiceName = "chatops";
    public const string OtlpEndpointSetting = "OpenTelemetry:Otlp:Endpoint";

    /// <summary>The SDK's standard variable; the OTLP exporter reads it (and <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>) itself.</summary>
    public const string OtlpEnvironmentSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddChatOpsTelemetry(this WebApplicationBuilder builder)
    {
        var configured = Endpoint(OtlpEndpointSetting, builder.Configuration[OtlpEndpointSetting]);
        var tracing = configured is not null || Endpoint(OtlpEnvironmentSetting, builder.Configuration[OtlpEnvironmentSetting]) is not null;
        builder.Services.AddSingleton<WorkQueueGauges>();
        builder.Services.AddSingleton<OpenIncidentsGauge>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(ChatOpsTelemetry.Name, "System.Runtime")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddPrometheusExporter());
        if (!tracing) return builder;
        telemetry.WithTracing(traces => traces
            .AddSource(ChatOpsTelemetry.Name)
            // Probes and scrapes every few seconds would bury the requests worth reading.
            .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
            .AddHttpClientInstrumentation()
            .AddOtlpExporter(o =>
            {
                if (configured is not null) o.Endpoint = configured;
            }));
        return builder;
    }

    /// <summary>
    /// <c>/metrics</c>, and the endpoint each delivery is counted under: its route (<c>/slack/commands</c>), a bounded set,
    /// never the raw path. The gauges are made here, so that they report from the first scrape.
    /// </summary>
    public static WebApplication MapChatOpsTelemetry(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is not RouteEndpoint { RoutePattern.RawText: { } route })
            {
                await next(context);
                return;
            }
            using (InboundEndpoint.Enter(route)) await next(context);
        });
        app.MapPrometheusScrapingEndpoint();
        app.Services.GetRequiredService<WorkQueueGauges>();
        app.Services.GetRequiredService<OpenIncidentsGauge>();
        return app;
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments("/metrics");

    /// <summary>The collector's address when <paramref name="setting"/> is set; anything but an http(s) URL stops the host.</summary>
    private static Uri? Endpoint(string setting, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new InvalidConfigurationException(
                $"{setting} must be the OTLP collector's absolute http(s) URL, such as http://otel-collector:4317 (gRPC).");
    }
}
