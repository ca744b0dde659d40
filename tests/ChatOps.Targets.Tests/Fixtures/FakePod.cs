using ChatOps.TestKit.Servers;

namespace ChatOps.Targets.Tests.Fixtures;

/// <summary>A pod the fake Kubernetes API serves: labels, phase, and per container its log lines, each with its age.</summary>
public sealed record FakePod(
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, IReadOnlyList<(TimeSpan Age, string Text)>> Containers,
    string Phase = "Running");
