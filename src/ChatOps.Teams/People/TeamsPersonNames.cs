using ChatOps.Core.Access;

namespace ChatOps.Teams.People;

/// <summary>
/// Display names of Teams people by AAD object id, learned from what Teams itself says: the <c>from.name</c> of every
/// authenticated activity and the members the Connector describes. Kept for <see cref="Kept"/> after last use; a name
/// not learned here is unknown, and the core falls back to the name a mention carried.
/// </summary>
internal sealed class TeamsPersonNames(TeamsCache cache) : IPersonNames
{
    public static readonly TimeSpan Kept = TimeSpan.FromDays(30);

    public string Platform => TeamsPlatform.Name;

    public Task<string?> NameAsync(string user, CancellationToken cancellationToken) => cache.GetAsync(Key(user), cancellationToken);

    public Task LearnAsync(string aadObjectId, string? name, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(name) ? Task.CompletedTask : cache.SetAsync(Key(aadObjectId), name.Trim(), Kept, cancellationToken);

    private static string Key(string user) => "name:" + user;
}
