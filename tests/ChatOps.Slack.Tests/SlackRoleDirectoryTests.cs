using ChatOps.Core.Access;
using ChatOps.Core.Incidents;
using ChatOps.LocalWorkspace;
using Microsoft.Extensions.DependencyInjection;
using static ChatOps.TestKit.TestPeople;

namespace ChatOps.Slack.Tests;

public sealed class SlackRoleDirectoryTests : IDisposable
{
    private readonly ServiceProvider _services = SlackServices.Build(new Dictionary<string, string?> { ["Incidents:Managers:0"] = "slack:U0CONFIGURED" });

    private IRoleDirectory Roles => _services.GetRequiredService<IRoleDirectory>();

    private int GroupReads => _services.Workspace().Calls.Count(c => c.Method == "usergroups.users.list");

    [Fact]
    public async Task Members_of_the_manager_group_and_configured_users_are_managers_and_the_group_is_read_once()
    {
        Assert.True(await Roles.IsManagerAsync(P("U0ALICE001"), CancellationToken.None));
        Assert.False(await Roles.IsManagerAsync(P("U0BOB00001"), CancellationToken.None));
        Assert.True(await Roles.IsManagerAsync(P("U0CONFIGURED"), CancellationToken.None));
        Assert.Equal(1, GroupReads);
    }

    [Fact]
    public async Task A_person_of_another_platform_never_matches_a_slack_id_or_group()
    {
        Assert.False(await Roles.IsManagerAsync(new PersonId("teams", "U0ALICE001"), CancellationToken.None));
        Assert.False(await Roles.IsManagerAsync(new PersonId("teams", "U0CONFIGURED"), CancellationToken.None));
        Assert.False(await Roles.IsManagerAsync(Actor.System.Id, CancellationToken.None));
        Assert.Equal(0, GroupReads);
    }

    [Fact]
    public async Task When_slack_cannot_answer_nobody_gains_the_role_and_nothing_is_cached()
    {
        _services.Workspace().FailNext("usergroups.users.list", "missing_scope");
        Assert.False(await Roles.IsManagerAsync(P("U0ALICE001"), CancellationToken.None));
        Assert.True(await Roles.IsManagerAsync(P("U0ALICE001"), CancellationToken.None));
        Assert.Equal(2, GroupReads);
        Assert.Equal(WorkspaceDirectory.ManagersGroup, (string?)_services.Workspace().Calls.First(c => c.Method == "usergroups.users.list").Args["usergroup"]);
    }

    public void Dispose() => _services.Dispose();
}
