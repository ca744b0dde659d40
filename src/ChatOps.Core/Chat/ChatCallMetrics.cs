using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChatOps.Core.Telemetry;

namespace ChatOps.Core.Chat;

/// <summary>
/// Calls to the chat platforms' APIs, each attempt counted (a 429 that a retry waits out is one call, its retry
/// another), by platform, method and status: the HTTP status code, or <c>unreachable</c> / <c>cancelled</c> when no
/// answer came. Adapters count through <see cref="ChatCallMetering"/>.
/// </summary>
public sealed class ChatCallMetrics(IMeterFactory meters)
{
    private readonly Counter<long> _calls = ChatOpsTelemetry.Meter(meters).CreateCounter<long>("chatops.chat.calls", "{call}",
        "Attempts of outbound chat API calls, by platform, method and status (HTTP status, unreachable or cancelled)");

    public void Record(string platform, string method, string status) =>
        _calls.Add(1, new TagList { { "platform", platform }, { "method", method }, { "status", status } });
}
