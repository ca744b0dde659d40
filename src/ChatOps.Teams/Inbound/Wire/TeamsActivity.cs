using System.Text.Json;

namespace ChatOps.Teams.Inbound.Wire;

// What the Bot Framework channel posts to /api/messages (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference).
// Only the fields the bot reads are declared; the rest is ignored.

/// <summary>One activity: a message, a card action's invoke, a conversation or installation update.</summary>
internal sealed record TeamsActivity(
    string? Type = null,
    string? Id = null,
    string? Name = null,
    string? ServiceUrl = null,
    string? ChannelId = null,
    ChannelAccount? From = null,
    ConversationAccount? Conversation = null,
    ChannelAccount? Recipient = null,
    string? Text = null,
    IReadOnlyList<ActivityEntity>? Entities = null,
    TeamsChannelData? ChannelData = null,
    string? ReplyToId = null,
    JsonElement? Value = null,
    string? Action = null);

/// <summary>A person or bot: <c>29:…</c> / <c>28:…</c> ids; a person also carries their AAD object id.</summary>
internal sealed record ChannelAccount(string? Id = null, string? Name = null, string? AadObjectId = null);

/// <summary>In a channel's reply chain the id ends in <c>;messageid=&lt;root id&gt;</c>.</summary>
internal sealed record ConversationAccount(string? Id = null, string? ConversationType = null, string? TenantId = null, bool? IsGroup = null);

/// <summary>A <c>mention</c> entity names who was mentioned and the exact <c>&lt;at&gt;…&lt;/at&gt;</c> text that shows it.</summary>
internal sealed record ActivityEntity(string? Type = null, ChannelAccount? Mentioned = null, string? Text = null);

/// <summary>Teams' own part: absent team and channel in a personal chat.</summary>
internal sealed record TeamsChannelData(TeamsReference? Tenant = null, TeamsReference? Team = null, TeamsReference? Channel = null, string? EventType = null);

internal sealed record TeamsReference(string? Id = null, string? Name = null);
