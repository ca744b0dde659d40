using System.Globalization;

namespace ChatOps.Bench;

internal sealed record RunResult(string Name, int Requests, int Errors, double RequestsPerSecond, double P50Ms, double P99Ms, IReadOnlyList<int> PerSecond)
{
    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {Requests} | {Errors} | {RequestsPerSecond:0} | {P50Ms:0.00} | {P99Ms:0.00} |");

    public string Ramp() => $"{Name}: {string.Join(' ', PerSecond)}";
}
