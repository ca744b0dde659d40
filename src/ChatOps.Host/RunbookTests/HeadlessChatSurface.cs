using System.Globalization;
using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.RunbookTests;

namespace ChatOps.Host.RunbookTests;

/// <summary>The chat platform of tested drills: it takes every post and shows it nowhere.</summary>
internal sealed class HeadlessChatSurface : IChatSurface
{
    private int _next;

    public string Platform => ScenarioTester.Platform;

    public Task<PostedMessage> PostAsync(ChatPlace place, ChatMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(new PostedMessage(place, Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture)));

    public Task UpdateAsync(PostedMessage posted, ChatMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PostPrivateAsync(ChatPlace place, PersonId person, ChatMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
}
