namespace ChatOps.Core.Access;

/// <summary>Who did something: a platform user id and, where known, a display name.</summary>
public sealed record Actor(string Id, string? Name = null)
{
    public static Actor System { get; } = new("chatops", "ChatOps");
}
