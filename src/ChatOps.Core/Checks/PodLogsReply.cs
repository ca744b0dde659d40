namespace ChatOps.Core.Checks;

/// <summary>Log lines by pod, as the Kubernetes API returns them with <c>timestamps=true</c> (an RFC 3339 time, a space, the text).</summary>
public sealed record PodLogsReply(IReadOnlyDictionary<string, IReadOnlyList<string>> Pods) : TargetReply;
