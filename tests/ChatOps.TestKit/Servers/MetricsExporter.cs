using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.TestKit.Servers;

/// <summary>
/// Serves the series the runbooks query, as the DCGM exporter, vLLM and the gateway publish them. Gauges are fixed.
/// Every counter is its per-scrape increment times the number of scrapes so far, so all series share their sample
/// times and their ratios: rate() extrapolates each the same way, and ratios of rates (error share, histogram
/// quantiles) are exact whatever the scrape timing.
/// </summary>
public sealed class MetricsExporter : IAsyncDisposable
{
    // Per scrape: 100 requests, 5 of them 5xx, 10 of them 4xx, 8 of those 429.
    public static readonly IReadOnlyDictionary<string, int> RequestsPerScrape = new Dictionary<string, int>
    {
        ["200"] = 85, ["404"] = 2, ["429"] = 8, ["500"] = 3, ["503"] = 2,
    };

    public static readonly IReadOnlyDictionary<string, double> GpuUtilization = new Dictionary<string, double>
    {
        ["vllm-0"] = 95, ["vllm-1"] = 92, ["vllm-2"] = 97,
    };

    // Cumulative bucket counts per scrape: p95 falls in (10, 20] at 15 s for e2e latency, in (2, 5] at 3.5 s for TTFT.
    private static readonly (string Le, int Count)[] E2eBuckets = [("1", 2), ("2.5", 5), ("5", 8), ("10", 9), ("20", 10), ("+Inf", 10)];
    private static readonly (string Le, int Count)[] TtftBuckets = [("0.5", 5), ("1", 8), ("2", 9), ("5", 10), ("+Inf", 10)];

    private Microsoft.AspNetCore.Builder.WebApplication? _app;
    private long _scrapes;

    public string Url { get; private set; } = "";

    public long Scrapes => Interlocked.Read(ref _scrapes);

    public async Task StartAsync()
    {
        (_app, Url) = await KestrelApp.StartAsync(app => app.MapGet("/metrics", () =>
            Results.Text(Render(Interlocked.Increment(ref _scrapes)), "text/plain; version=0.0.4", Encoding.UTF8)));
    }

    private static string Render(long n)
    {
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        Line("# TYPE DCGM_FI_DEV_GPU_UTIL gauge");
        foreach (var (pod, value) in GpuUtilization)
            Line(Invariant($"DCGM_FI_DEV_GPU_UTIL{{gpu=\"0\",modelName=\"NVIDIA H100 80GB HBM3\",pod=\"{pod}\",namespace=\"llm\"}} {value}"));
        Line("# TYPE vllm:num_requests_waiting gauge");
        Line("vllm:num_requests_waiting{pod=\"vllm-0\"} 10");
        Line("vllm:num_requests_waiting{pod=\"vllm-1\"} 8");
        Line("vllm:num_requests_waiting{pod=\"vllm-2\"} 7");
        Line("# TYPE vllm:num_requests_running gauge");
        foreach (var pod in GpuUtilization.Keys) Line($"vllm:num_requests_running{{pod=\"{pod}\"}} 4");
        Line("# TYPE vllm:kv_cache_usage_perc gauge");
        Line("vllm:kv_cache_usage_perc{pod=\"vllm-0\"} 0.91");
        Line("vllm:kv_cache_usage_perc{pod=\"vllm-1\"} 0.95");
        Line("vllm:kv_cache_usage_perc{pod=\"vllm-2\"} 0.85");
        Line("# TYPE vllm:num_preemptions_total counter");
        foreach (var pod in GpuUtilization.Keys) Line($"vllm:num_preemptions_total{{pod=\"{pod}\"}} 0");
        Line("# TYPE http_requests_total counter");
        foreach (var (status, perScrape) in RequestsPerScrape)
            Line(Invariant($"http_requests_total{{service=\"api-gateway\",status_code=\"{status}\"}} {perScrape * n}"));
        Histogram(text, "vllm:e2e_request_latency_seconds", E2eBuckets, n);
        Histogram(text, "vllm:time_to_first_token_seconds", TtftBuckets, n);
        return text.ToString();
    }

    private static void Histogram(StringBuilder text, string name, (string Le, int Count)[] buckets, long n)
    {
        text.Append(Invariant($"# TYPE {name} histogram\n"));
        foreach (var (le, count) in buckets) text.Append(Invariant($"{name}_bucket{{le=\"{le}\"}} {count * n}\n"));
        text.Append(Invariant($"{name}_count {buckets[^1].Count * n}\n"));
        text.Append(Invariant($"{name}_sum {buckets[^1].Count * n * 3}\n"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
