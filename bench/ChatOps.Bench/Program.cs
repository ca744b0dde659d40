using System.Globalization;
using ChatOps.Bench;

// Acknowledgement latency of signed Slack requests against the real host, beside a bare Kestrel endpoint in the
// same run. Every server is a separate process on loopback; each load run is bounded in time and stops by itself.
if (args is ["bare", var portText]) return await BareServer.RunAsync(int.Parse(portText, CultureInfo.InvariantCulture));

var seconds = Option(args, "--seconds", 10);
var connections = Option(args, "--connections", 64);
var warmup = TimeSpan.FromSeconds(Option(args, "--warmup", 3));
var duration = TimeSpan.FromSeconds(seconds);
Console.WriteLine($"{Environment.ProcessorCount} cores, {connections} connections, {warmup.TotalSeconds:0} s warm-up, {seconds} s measured per run");

await using var bare = await ChildServer.StartBareAsync();
await using var host = await ChildServer.StartHostAsync();
var load = new LoadRun(connections, warmup, duration);
var results = new List<RunResult>
{
    await load.RunAsync("bare Kestrel POST -> 200", bare.Address, _ => Requests.Bare()),
};
await Requests.SeedStatusIncidentAsync(host.Address);
results.Add(await load.RunAsync("/incident status (signed)", host.Address, _ => Requests.Command(Requests.StatusChannel, "status")));
results.Add(await load.RunAsync("/incident declare (signed)", host.Address, n => Requests.Command($"C0BENCH{n}", $"declare sev3 Bench incident {n}")));

Console.WriteLine();
Console.WriteLine("| run | requests | errors | req/s | p50 ms | p99 ms |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var r in results) Console.WriteLine(r.Row());
Console.WriteLine();
Console.WriteLine($"Answers in each second from the start of the warm-up ({warmup.TotalSeconds:0} s), as the JIT tiers the code up:");
foreach (var r in results) Console.WriteLine(r.Ramp());
var statusShare = results[1].RequestsPerSecond / results[0].RequestsPerSecond;
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"status throughput is {statusShare:P0} of the bare endpoint's"));
return 0;

static int Option(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
