using ChatOps.Core.Access;
using ChatOps.Core.Messages;
using ChatOps.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Core.Tests.Postmortem;

/// <summary>The postmortem names people as their platform knows them, asking once per person, never by platform id.</summary>
public sealed class PostmortemNamesTests
{
    [Fact]
    public async Task People_appear_by_display_name_and_each_is_looked_up_once()
    {
        var names = new CountingNames(new Dictionary<string, string> { ["U-ALICE"] = "Alice Example", ["U-BOB"] = "Bob Builder" });
        await using var chat = new Conversation(managers: ["U-ALICE"], configure: s => s.AddSingleton<IPersonNames>(names));
        var incident = await chat.DeclareAsync("U-ALICE", "sev3 Names in the postmortem");
        await chat.SayAsync("U-ALICE", $"lead {incident.Id} <@U-BOB>");
        await chat.SayAsync("U-BOB", $"note {incident.Id} asked <@U-ALICE> for a rollback");
        await chat.SayAsync("U-BOB", $"postmortem {incident.Id}");
        await chat.SayAsync("U-BOB", $"postmortem {incident.Id}");

        var document = chat.Chat.Posts.Select(p => p.Message.Blocks.OfType<AttachmentBlock>().SingleOrDefault()).Last(a => a is not null)!.Content;
        Assert.Contains("@Alice Example", document, StringComparison.Ordinal);
        Assert.Contains("@Bob Builder", document, StringComparison.Ordinal);
        Assert.DoesNotContain("U-ALICE", document, StringComparison.Ordinal);
        Assert.DoesNotContain("U-BOB", document, StringComparison.Ordinal);
        Assert.All(names.Asked.Values, count => Assert.Equal(1, count));
    }

    private sealed class CountingNames(IReadOnlyDictionary<string, string> known) : IPersonNames
    {
        public Dictionary<string, int> Asked { get; } = [];

        public string Platform => RecordingChatSurface.DefaultPlatform;

        public Task<string?> NameAsync(string user, CancellationToken cancellationToken)
        {
            lock (Asked) Asked[user] = Asked.GetValueOrDefault(user) + 1;
            return Task.FromResult(known.GetValueOrDefault(user));
        }
    }
}
