using System.Globalization;
using System.Runtime.InteropServices;
using ChatOps.Bench;

// Acknowledgement latency of signed Slack requests against the real host, on each store, beside a bare Kestrel endpoint
// in the same run. Every server is a separate process on loopback; each load run is bounded in time and stops by itself.
if (args is ["bare", var portText]) return await BareServer.RunAsync(int.Parse(portText, CultureInfo.InvariantCulture));

var seconds = Option(args, "--seconds", 10);
var connections = Option(args, "--connections", 64);
var warmup = TimeSpan.FromSeconds(Option(args, "--warmup", 3));
var duration = TimeSpan.FromSeconds(seconds);
Console.WriteLine($"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}), " +
    $"{RuntimeInformation.FrameworkDescription}{LoadAverage()}");
Console.WriteLine($"{connections} connections, {warmup.TotalSeconds:0} s warm-up, {seconds} s measured per run");

var load = new LoadRun(connections, warmup, duration);
var results = new List<RunResult>();
var skipped = new List<string>();
await using (var bare = await ChildServer.StartBareAsync())
    results.Add(await load.RunAsync("bare Kestrel POST -> 200", bare.Address, _ => Requests.Bare()));
await using (var sqlite = await ChildServer.StartHostAsync(new Dictionary<string, string>()))
{
    await Requests.SeedStatusIncidentAsync(sqlite.Address);
    results.AddRange(await StoreRunsAsync("SQLite", sqlite));
}
try
{
    await using var servers = new PostgresAndRedis();
    await servers.StartAsync();
    await using var postgres = await ChildServer.StartHostAsync(servers.HostEnvironment);
    await Requests.SeedStatusIncidentAsync(postgres.Address);
    // A host without the PostgreSQL store ignores the setting and stores in SQLite: its numbers would be SQLite's.
    if (await servers.HostTablesAsync() == 0)
        throw new InvalidOperationException("the host became ready but created no tables in its PostgreSQL database (it has no PostgreSQL store)");
    results.AddRange(await StoreRunsAsync("PostgreSQL + Redis", postgres));
}
catch (InvalidOperationException e)
{
    skipped.Add($"PostgreSQL run skipped: {e.Message.ReplaceLineEndings(" ")}");
    Console.WriteLine(skipped[^1]);
}

Console.WriteLine();
Console.WriteLine("| run | requests | errors | req/s | p50 ms | p99 ms |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var r in results) Console.WriteLine(r.Row());
foreach (var line in skipped) Console.WriteLine(line);
Console.WriteLine();
Console.WriteLine($"Answers in each second from the start of the warm-up ({warmup.TotalSeconds:0} s), as the JIT tiers the code up:");
foreach (var r in results) Console.WriteLine(r.Ramp());
Console.WriteLine();
foreach (var r in results.Where(r => r.Name.EndsWith(Requests.StatusRun, StringComparison.Ordinal)))
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Name} throughput is {r.RequestsPerSecond / results[0].RequestsPerSecond:P0} of the bare endpoint's"));
return 0;

// Status (of the seeded incident), answered in the acknowledgement from the store; then declare, acknowledged once its
// work is stored, and declared in the background.
async Task<RunResult[]> StoreRunsAsync(string store, ChildServer host) =>
    [
        await load.RunAsync($"{store}: {Requests.StatusRun}", host.Address, _ => Requests.Command(Requests.StatusChannel, "status")),
        await load.RunAsync($"{store}: {Requests.DeclareRun}", host.Address, n => Requests.Command($"C0BENCH{n}", $"declare sev3 Bench incident {n}")),
    ];

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? $", load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))} at start" : "";

static int Option(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
