using System.Diagnostics;
using System.Net;

namespace ChatOps.Bench;

/// <summary>
/// A closed loop of <c>connections</c> concurrent clients, each sending its next request when the last is answered,
/// for a warm-up and then a measured, fixed duration. Latency is from send to the full acknowledgement.
/// </summary>
internal sealed class LoadRun(int connections, TimeSpan warmup, TimeSpan duration)
{
    public async Task<RunResult> RunAsync(string name, Uri address, Func<long, HttpRequestMessage> request)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var counter = 0L;
        var errors = 0;
        var measureFrom = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<long>[connections];
        // Answers per second from the start of the warm-up: shows how long the server takes to reach its pace.
        var started = Stopwatch.GetTimestamp();
        var perSecond = new int[(int)Math.Ceiling((warmup + duration).TotalSeconds) + 2];
        await Task.WhenAll(Enumerable.Range(0, connections).Select(i => Task.Run(async () =>
        {
            var mine = latencies[i] = new List<long>(1 << 14);
            while (Stopwatch.GetTimestamp() < end)
            {
                using var message = request(Interlocked.Increment(ref counter));
                var sent = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    using var response = await client.SendAsync(message);
                    await response.Content.ReadAsByteArrayAsync();
                    ok = response.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }
                Interlocked.Increment(ref perSecond[Math.Min(perSecond.Length - 1, (int)((Stopwatch.GetTimestamp() - started) / Stopwatch.Frequency))]);
                if (sent < measureFrom) continue;
                if (ok) mine.Add(Stopwatch.GetTimestamp() - sent);
                else Interlocked.Increment(ref errors);
            }
        })));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var rate = all.Length / duration.TotalSeconds;
        var result = new RunResult(name, all.Length, errors, rate, Percentile(all, 0.50), Percentile(all, 0.99), perSecond[..^2]);
        Console.WriteLine(result.Row());
        return result;
    }

    private static double Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
}
