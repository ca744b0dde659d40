using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChatOps.TestKit.Servers;

/// <summary>
/// A throwaway Prometheus Alertmanager (Debian's <c>prometheus-alertmanager</c>) on a loopback port, clustering off, its
/// webhook pointed at the bot with a bearer token, grouping by alert name with short waits so that a test hears of a
/// group within seconds. Alerts are fed through its own API, <c>POST /api/v2/alerts</c>.
/// </summary>
public sealed class AlertmanagerServer : IAsyncDisposable
{
    private readonly HttpClient _http = new();
    private ServerProcess? _process;
    private DirectoryInfo? _folder;

    public string Url { get; private set; } = "";

    public string Output => _process?.Output ?? "";

    public async Task StartAsync(string webhookUrl, string token)
    {
        var binary = Commands.Find("prometheus-alertmanager", "/usr/bin/prometheus-alertmanager", "/usr/bin/alertmanager", "/usr/local/bin/alertmanager");
        _folder = Loopback.TempFolder("chatops-alertmanager-");
        var port = Loopback.FreePort().ToString(CultureInfo.InvariantCulture);
        Url = $"http://127.0.0.1:{port}";
        var config = Path.Combine(_folder.FullName, "alertmanager.yml");
        await File.WriteAllTextAsync(config, $"""
            route:
              receiver: chatops
              group_by: [alertname]
              group_wait: 1s
              group_interval: 1s
              repeat_interval: 24h
            receivers:
              - name: chatops
                webhook_configs:
                  - url: '{webhookUrl}'
                    send_resolved: true
                    http_config:
                      authorization:
                        credentials: '{token}'
            """);
        _process = ServerProcess.Start(binary, $"--config.file={config}", $"--storage.path={Path.Combine(_folder.FullName, "data")}",
            $"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=");
        await _process.WaitForOutputAsync("Listening on", TimeSpan.FromSeconds(60));
        await Eventually.WaitAsync(async () => (await _http.GetAsync(new Uri($"{Url}/-/ready"))).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60), () => $"Alertmanager is not ready:\n{_process.Output}");
    }

    /// <summary>Posts one alert as Prometheus would; an <paramref name="endsAt"/> in the past resolves it.</summary>
    public async Task PostAlertAsync(
        IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> annotations, DateTimeOffset startsAt, DateTimeOffset? endsAt = null)
    {
        var alert = new JsonObject
        {
            ["labels"] = Object(labels),
            ["annotations"] = Object(annotations),
            ["startsAt"] = startsAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture),
            ["generatorURL"] = "http://prometheus.example:9090/graph",
        };
        if (endsAt is { } ended) alert["endsAt"] = ended.ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture);
        using var response = await _http.PostAsJsonAsync(new Uri($"{Url}/api/v2/alerts"), new JsonArray(alert));
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Alertmanager refused the alert ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync()}");
    }

    private static JsonObject Object(IReadOnlyDictionary<string, string> pairs) => new([.. pairs.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_process is not null) await _process.DisposeAsync();
        _folder?.Delete(recursive: true);
    }
}
