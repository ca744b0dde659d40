using System.Text.Json.Nodes;

namespace ChatOps.LocalWorkspace;

/// <summary>A message in the local workspace: a channel post, a thread reply, or an ephemeral seen by one user.</summary>
internal sealed record LocalMessage(
    string Channel,
    string Ts,
    string? ThreadTs,
    string User,
    string Text,
    JsonNode? Blocks,
    string? VisibleTo = null,
    bool Edited = false,
    IReadOnlyList<LocalFile>? Files = null);

/// <summary>A file uploaded through the three-step upload.</summary>
internal sealed record LocalFile(string Id, string Name, string? Title, string? Content);

/// <summary>An open modal, with the errors of its last submission.</summary>
internal sealed record LocalView(string Id, string User, JsonNode View, IReadOnlyDictionary<string, string>? Errors = null);

/// <summary>A Web API call the bot made, as the fake received it, how the fake answered, and when (on its clock).</summary>
internal sealed record RecordedCall(string Method, JsonObject Args, int Status, string? Error)
{
    public DateTimeOffset At { get; init; }
}

/// <summary>A person of the local workspace.</summary>
internal sealed record LocalUser(string Id, string Name, string RealName, bool IsBot = false);

/// <summary>How the fake answers a method's next call instead of serving it.</summary>
internal sealed record LocalFault(int Status, string? Error, int? RetryAfterSeconds);
