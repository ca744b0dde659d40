using System.Net;
using System.Text;
using ChatOps.Core.Access;
using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.LocalWorkspace;
using ChatOps.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOps.Host.Tests;

/// <summary>The host with the local workspace on: the bot is its app, its four people have their roles, and only its page acts.</summary>
public sealed class LocalWorkspaceHostTests(ChatOpsFactory factory) : IClassFixture<ChatOpsFactory>
{
    private static readonly ChatPlace Channel = new("slack", WorkspaceDirectory.ChannelId);
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Two_managers_two_responders_and_one_of_them_an_approver()
    {
        var roles = factory.Services.GetRequiredService<IRoleDirectory>();
        PersonId Person(string user) => new("slack", user);
        Assert.True(await roles.IsManagerAsync(Person(WorkspaceDirectory.Alice), CancellationToken.None));
        Assert.True(await roles.IsManagerAsync(Person(WorkspaceDirectory.Carol), CancellationToken.None));
        Assert.False(await roles.IsManagerAsync(Person(WorkspaceDirectory.Bob), CancellationToken.None));
        Assert.False(await roles.IsManagerAsync(Person(WorkspaceDirectory.Dave), CancellationToken.None));
        Assert.True(await roles.IsApproverAsync(Person(WorkspaceDirectory.Dave), CancellationToken.None));
        Assert.False(await roles.IsApproverAsync(Person(WorkspaceDirectory.Bob), CancellationToken.None));

        var slack = factory.Services.GetRequiredService<IOptions<SlackOptions>>().Value;
        Assert.Equal(WorkspaceDirectory.BotToken, slack.BotToken);
        Assert.Equal([WorkspaceDirectory.ManagersGroup], slack.ManagerGroups);
        Assert.Equal(LocalWorkspaceApi.InMemoryUrl, slack.ApiUrl);
        Assert.Equal(["slack:U0DAVE0001"], factory.Services.GetRequiredService<IOptions<RoleOptions>>().Value.Approvers);
    }

    [Fact]
    public async Task A_declaration_sent_from_another_origin_with_none_or_not_as_json_declares_nothing_and_one_from_the_page_does()
    {
        const string Declare = """{"user":"U0BOB00001","text":"declare sev3 Only from the page"}""";
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(Declare, "application/json", "http://evil.example")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(Declare, "application/json", null)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await ActAsync(Declare, "text/plain", "http://localhost")).StatusCode);
        Assert.Empty(await factory.Store.ListOpenAsync(Channel, CancellationToken.None));
        Assert.DoesNotContain(factory.Workspace.Messages, m => m.Content().Contains("Only from the page", StringComparison.Ordinal));

        // The same request from the page itself: declared, so the refusals above were the guard's, not a broken path.
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(Declare, "application/json", "http://localhost")).StatusCode);
        var root = await factory.Workspace.RootAsync(WorkspaceDirectory.ChannelId, "Only from the page");
        await factory.Workspace.ReplyAsync(root.Ts, "declared by");
        Assert.Equal(new PersonId("slack", WorkspaceDirectory.Bob), Assert.Single(await factory.Store.ListOpenAsync(Channel, CancellationToken.None)).DeclaredBy);
    }

    private async Task<HttpResponseMessage> ActAsync(string body, string contentType, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/local/ui/command") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        if (origin is not null) request.Headers.Add("Origin", origin);
        return await _client.SendAsync(request);
    }
}
