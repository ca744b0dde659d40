using System.Text;
using ChatOps.LocalWorkspace;
using ChatOps.Slack.Inbound;

namespace ChatOps.Bench;

/// <summary>Slash commands as Slack sends them, signed afresh for each request (the signature is part of the cost).</summary>
internal static class Requests
{
    public const string StatusChannel = "C0BENCHSTATUS";
    public const string StatusRun = "/incident status (signed)";
    public const string DeclareRun = "/incident declare (signed)";

    /// <summary>The same body as a status command, so the baseline moves as many bytes.</summary>
    public static HttpRequestMessage Bare() => Post(LocalRequests.SlashCommand("U0ALICE001", StatusChannel, "status", "0.bench"), sign: false);

    public static HttpRequestMessage Command(string channel, string text) =>
        Post(LocalRequests.SlashCommand("U0ALICE001", channel, text, "0.bench"), sign: true);

    /// <summary>Declares the incident that <c>status</c> reports on, and waits until the host has stored it.</summary>
    public static async Task SeedStatusIncidentAsync(Uri host)
    {
        using var client = new HttpClient { BaseAddress = host };
        using (var declare = Command(StatusChannel, "declare sev3 Bench status target"))
            (await client.SendAsync(declare)).EnsureSuccessStatusCode();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            using var status = Command(StatusChannel, "status");
            var body = await (await client.SendAsync(status)).Content.ReadAsStringAsync();
            if (body.Contains("INC-", StringComparison.Ordinal)) return;
            await Task.Delay(100);
        }
        throw new InvalidOperationException("The host never stored the incident that status should report.");
    }

    private static HttpRequestMessage Post(string body, bool sign)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "slack/commands") { Content = new StringContent(body, Encoding.UTF8, LocalRequests.FormType) };
        if (sign)
        {
            var (timestamp, signature) = LocalRequests.Sign(ChildServer.Secret, body, DateTimeOffset.UtcNow);
            request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
            request.Headers.Add(SlackSignature.SignatureHeader, signature);
        }
        return request;
    }
}
