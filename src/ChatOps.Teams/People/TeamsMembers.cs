using System.Text.Json;
using ChatOps.Core.Incidents;
using ChatOps.Teams.Inbound;
using ChatOps.Teams.Inbound.Wire;
using ChatOps.Teams.Outbound;
using Microsoft.Extensions.Logging;

namespace ChatOps.Teams.People;

/// <summary>
/// Who a mention names. Teams' mention entities often carry only the Teams user id (<c>29:…</c>), which roles and
/// approvals cannot use; the Connector's Get Conversation Member answers the AAD object id. Answers are kept for
/// <see cref="Kept"/> (a Teams user id names one person for good), and the names they carry are learned.
/// </summary>
internal sealed partial class TeamsMembers(TeamsConnectorClient client, TeamsCache cache, TeamsPersonNames names, ILogger<TeamsMembers> logger)
{
    public static readonly TimeSpan Kept = TimeSpan.FromDays(7);

    /// <summary>How long the door waits for Teams to say who was mentioned: Teams waits about 15 s for its answer.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(8);

    /// <summary>
    /// The entities with every person's mention carrying an AAD object id; the names of mentions that could not be
    /// resolved come back as <paramref name="unknown"/>. The bot's own mention (<paramref name="botId"/>) is left as it is.
    /// </summary>
    public async Task<IReadOnlyList<ActivityEntity>> ResolveAsync(
        ChatPlace place, IReadOnlyList<ActivityEntity> entities, string? botId, List<string> unknown, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        var resolved = new List<ActivityEntity>(entities.Count);
        foreach (var entity in entities)
        {
            if (Unresolved(entity, botId) is not { Id: { } id } mentioned)
            {
                resolved.Add(entity);
                continue;
            }
            var member = await FindAsync(place, id, patience.Token, cancellationToken);
            if (member?.AadObjectId is { } aad) resolved.Add(entity with { Mentioned = mentioned with { AadObjectId = aad } });
            else
            {
                unknown.Add(mentioned.Name ?? id);
                resolved.Add(entity);
            }
        }
        return resolved;
    }

    /// <summary>The person a mention names when it carries no AAD object id; null for any other entity and for a bot.</summary>
    private static ChannelAccount? Unresolved(ActivityEntity entity, string? botId) =>
        string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase) && entity.Mentioned is { Id.Length: > 0 } mentioned
        && mentioned.Id != botId && !mentioned.Id.StartsWith("28:", StringComparison.Ordinal) && !TeamsPeople.TryPerson(mentioned, out _)
            ? mentioned
            : null;

    private async Task<TeamsMember?> FindAsync(ChatPlace place, string memberId, CancellationToken patience, CancellationToken cancellationToken)
    {
        // A Teams user id is the person's within one tenant.
        var key = $"member:{(TeamsAddress.TryParse(place.Address, out var stored) ? stored.TenantId : null)}:{memberId}";
        if (await cache.GetAsync(key, cancellationToken) is { } kept) return JsonSerializer.Deserialize(kept, PeopleJsonContext.Default.TeamsMember);
        TeamsMember? member;
        try
        {
            member = await client.MemberAsync(ConnectorAddress.Of(place), memberId, patience);
        }
        catch (Exception e) when (e is TeamsConnectorException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnanswered(e, memberId);
            return null;
        }
        if (member?.AadObjectId is not { } aad) return null;
        await cache.SetAsync(key, JsonSerializer.Serialize(member, PeopleJsonContext.Default.TeamsMember), Kept, cancellationToken);
        await names.LearnAsync(aad, member.Name, cancellationToken);
        return member;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams did not say who member {MemberId} is; the mention is refused")]
    private partial void LogUnanswered(Exception exception, string memberId);
}
