using ChatOps.Slack.SocketMode;

namespace ChatOps.Slack.Tests.SocketMode;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Waits_double_up_to_the_cap_each_between_half_and_all_of_its_step_and_start_over_after_a_reset()
    {
        var backoff = new ReconnectBackoff(new Random(7));
        var steps = new[] { 1, 2, 4, 8, 16, 30, 30, 30 }.Select(s => TimeSpan.FromSeconds(s));
        foreach (var step in steps)
        {
            var wait = backoff.Next();
            Assert.InRange(wait, step / 2, step);
        }
        backoff.Reset();
        Assert.InRange(backoff.Next(), ReconnectBackoff.Initial / 2, ReconnectBackoff.Initial);
    }
}
