using System.Globalization;
using System.Text.Json;

namespace ChatOps.TestKit.Servers;

/// <summary>A throwaway Prometheus scraping the <see cref="MetricsExporter"/> every second, ready once rate() has two samples to read.</summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private ServerProcess? _process;
    private DirectoryInfo? _folder;

    public string Url { get; private set; } = "";

    public async Task StartAsync(string exporterUrl)
    {
        var binary = Commands.Find("prometheus", "/usr/bin/prometheus", "/usr/local/bin/prometheus");
        _folder = Loopback.TempFolder("chatops-prometheus-");
        var port = Loopback.FreePort();
        Url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var config = Path.Combine(_folder.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
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
        // rate() and histogram_quantile() answer once two scrapes are stored; every runbook query reads them.
        const string Probe = "sum(rate(http_requests_total[5m])) and sum(rate(vllm:e2e_request_latency_seconds_bucket[5m]))";
        await Eventually.WaitAsync(() => HasDataAsync(http, Probe), TimeSpan.FromSeconds(60), () => $"Prometheus has no rate for {Probe}:\n{_process.Output}");
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
