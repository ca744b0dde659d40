using ChatOps.Core.Commands;
using ChatOps.Core.Mitigations;
using ChatOps.TestKit;

namespace ChatOps.Core.Tests.Commands;

/// <summary>A usage line helps only someone who wrote a command in the wrong shape; under a refusal it reads as if they had.</summary>
public sealed class RefusalUsageTests
{
    private const string Alice = "U-ALICE";
    private const string Manager = "U-MANAGER";
    private const string Approver = "U-APPROVER";

    [Fact]
    public async Task Refusals_say_why_without_a_usage_line_and_mistyped_commands_get_one()
    {
        await using var chat = new Conversation(managers: [Manager], approvers: [Approver], configure: services =>
            services.Add(new(typeof(IMitigationExecutor), new FakeMitigationExecutor("scale", "4"))));
        var incident = await chat.DeclareAsync(Alice, "sev3 latency");
        await chat.SayAsync(Alice, "mitigate high-latency/scale-inference");
        await chat.SayAsync(Alice, "mitigated");
        var elsewhere = new CommandContext(new Core.Access.Actor(Conversation.Person(Alice)), chat.Channel with { Channel = "C-OTHER" });

        List<(CommandErrorCode Code, CommandResult Result)> refusals =
        [
            (CommandErrorCode.NotAllowed, await chat.SayAsync(Alice, "sev 2")),
            (CommandErrorCode.NotAllowed, await chat.SayAsync(Alice, "approve MIT-1")),
            (CommandErrorCode.NotAllowed, await chat.Get<CommandDispatcher>().DispatchAsync($"note {incident.Id} hello", elsewhere, default)),
            (CommandErrorCode.InvalidTransition, await chat.SayAsync(Alice, "mitigated")),
            (CommandErrorCode.InvalidTransition, await chat.SayAsync(Alice, "mitigate high-latency/enable-overflow")),
            (CommandErrorCode.InvalidTransition, await chat.SayAsync(Alice, "revert MIT-1")),
            (CommandErrorCode.UnknownIncident, await chat.SayAsync(Alice, "note INC-2026-0099 hello")),
            (CommandErrorCode.UnknownRequest, await chat.SayAsync(Approver, "approve MIT-99")),
        ];
        chat.Time.Advance(TimeSpan.FromMinutes(16));
        refusals.Add((CommandErrorCode.InvalidTransition, await chat.SayAsync(Approver, "approve MIT-1")));

        Assert.All(refusals, r =>
        {
            Assert.Equal(r.Code, r.Result.Error!.Code);
            Assert.Null(r.Result.Error.Usage);
            Assert.DoesNotContain("Usage:", MessageText.Of(Assert.Single(r.Result.Messages).Message), StringComparison.Ordinal);
        });

        foreach (var mistyped in new[] { "sev", "lead", "deny MIT-1", "mitigate high-latency/scale-inference 10.0.0.1" })
        {
            var error = (await chat.SayAsync(Approver, mistyped)).Messages.Single().Message;
            Assert.Contains("Usage: ", MessageText.Of(error), StringComparison.Ordinal);
        }
    }
}
