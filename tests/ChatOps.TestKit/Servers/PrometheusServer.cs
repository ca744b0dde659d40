using System.Globalization;
using System.Text.Json;

namespace ChatOps.TestKit.Servers;

/// <summary>
/// A throwaway Prometheus scraping one exporter every second (the <see cref="MetricsExporter"/> unless a test brings its
/// own), ready once <c>readyWhen</c> has data: by default rate() over the exporter's series, which needs two samples.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private ServerProcess? _process;
    private DirectoryInfo? _folder;

    public string Url { get; private set; } = "";

    public async Task StartAsync(string exporterUrl, string readyWhen = Probe)
    {
        var binary = Commands.Find("prometheus", "/usr/bin/prometheus", "/usr/local/bin/prometheus");
        _folder = Loopback.TempFolder("chatops-prometheus-");
        var port = Loopback.FreePort();
        Url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var config = Path.Combine(_folder.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              # A scrape times out after its interval: 2 s leaves a host under a loaded test run time to answer.
              scrape_interval: 2s
              scrape_timeout: 2s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: platform
                static_configs:
                  - targets: ['{new Uri(exporterUrl).Authority}']
            """);
        _process = ServerProcess.Start(binary, $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(_folder.FullName, "data")}",
            $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        await _process.WaitForOutputAsync("Server is ready to receive web requests", TimeSpan.FromSeconds(60));

        using var http = new HttpClient();
        await Eventually.WaitAsync(() => HasDataAsync(http, readyWhen), TimeSpan.FromSeconds(120), () => $"Prometheus has no data for {readyWhen}:\n{_process.Output}");
    }

    // rate() and histogram_quantile() answer once two scrapes are stored; every runbook query reads them.
    private const string Probe = "sum(rate(http_requests_total[5m])) and sum(rate(vllm:e2e_request_latency_seconds_bucket[5m]))";

    /// <summary>The first sample of an instant query (aggregate in the query for one), or null when it has none.</summary>
    public async Task<double?> ValueAsync(string query)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri($"{Url}/api/v1/query?query={Uri.EscapeDataString(query)}"));
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var result = body.RootElement.GetProperty("data").GetProperty("result");
        return result.GetArrayLength() == 0
            ? null
            : double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
    }

    private async Task<bool> HasDataAsync(HttpClient http, string query)
    {
        using var response = await http.GetAsync(new Uri($"{Url}/api/v1/query?query={Uri.EscapeDataString(query)}"));
        if (!response.IsSuccessStatusCode) return false;
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("data").GetProperty("result").GetArrayLength() > 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
        _folder?.Delete(recursive: true);
    }
}
