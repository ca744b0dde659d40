using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ChatOps.Teams.Outbound;
using Microsoft.Extensions.Options;
using static ChatOps.Teams.ServiceJson;

namespace ChatOps.Teams.People;

/// <summary>
/// The one Microsoft Graph call the bot makes: the users of a group, nested groups included
/// (https://learn.microsoft.com/graph/api/group-list-transitivemembers), page after page through <c>@odata.nextLink</c>.
/// The bot's app token for Graph comes from MSAL; throttling (429, 503, 504 with <c>Retry-After</c>) is waited out in the
/// HTTP pipeline below (<see cref="TeamsResilience"/>). The token only ever goes to the configured Graph host.
/// </summary>
internal sealed class GraphClient(
    HttpClient http, BotTokenProvider tokens, IOptionsMonitor<TeamsDirectoryOptions> options, IOptionsMonitor<TeamsOptions> teams)
{
    public const string HttpClientName = "teams-graph";

    /// <summary>More pages than any group has at 999 members a page: a longer chain of links is not Graph's.</summary>
    public const int MaxPages = 1000;

    public async Task<IReadOnlyCollection<string>> GroupUsersAsync(string group, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        // Users only (the cast), ids only, the most Graph gives a page.
        var next = new Uri(settings.GraphBase,
            $"v1.0/groups/{Uri.EscapeDataString(group)}/transitiveMembers/microsoft.graph.user?$select=id&$top=999");
        var users = new List<string>();
        for (var page = 0; next is not null; page++)
        {
            if (page == MaxPages) throw new GraphException($"Members of group {group}: Graph gave more than {MaxPages} pages.");
            var answer = await GetAsync(next, $"members of group {group}", cancellationToken);
            users.AddRange((answer?["value"] as JsonArray ?? []).Select(u => Text(u, "id")).OfType<string>());
            next = Text(answer, "@odata.nextLink") is { } link ? SameHost(link, settings.GraphBase, group) : null;
        }
        return users;
    }

    private async Task<JsonNode?> GetAsync(Uri url, string what, CancellationToken cancellationToken)
    {
        var settings = teams.CurrentValue;
        string token;
        try
        {
            // A multi-tenant bot's own authority is botframework.com; Graph is asked about the directory of its tenant.
            var tenant = settings.MicrosoftAppType == TeamsAppType.MultiTenant ? settings.MicrosoftAppTenantId : null;
            token = await tokens.TokenAsync(options.CurrentValue.GraphScope, tenant, refresh: false, cancellationToken);
        }
        catch (TeamsConnectorException e)
        {
            throw new GraphException($"Graph {what}: {e.Message}", e);
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage sent;
        try
        {
            sent = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            throw new GraphException($"Graph {what}: unreachable ({e.Message}).", e);
        }
        using var response = sent;
        var answer = Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        if (response.IsSuccessStatusCode) return answer;
        var detail = ErrorDetail(answer);
        throw new GraphException(response.StatusCode switch
        {
            HttpStatusCode.NotFound => $"Graph {what}: no such group in the tenant (404){detail}. Check Teams:ManagerGroups and Teams:ApproverGroups.",
            HttpStatusCode.Forbidden => $"Graph {what}: not allowed (403){detail}. The app registration needs the application permission "
                + "GroupMember.Read.All, with admin consent.",
            _ => $"Graph {what}: HTTP {(int)response.StatusCode}{detail}",
        });
    }

    private static Uri SameHost(string link, Uri graph, string group) =>
        Uri.TryCreate(link, UriKind.Absolute, out var next) && next.Scheme == graph.Scheme && next.Authority == graph.Authority
            ? next
            : throw new GraphException($"Members of group {group}: Graph's next page is not on {graph.Authority}; the bot's token is not sent there.");
}
