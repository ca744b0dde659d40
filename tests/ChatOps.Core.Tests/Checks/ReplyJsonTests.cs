using System.Text.Json;
using ChatOps.Core.Checks;

namespace ChatOps.Core.Tests.Checks;

/// <summary>What a timeline entry keeps of a target's reply: every text redacted, JSON still JSON, and nothing too large.</summary>
public sealed class ReplyJsonTests
{
    private const string Key = "sk-proj-Zq8vR2mN4tX7bK1wP9sL3dF6hJ0cV5yA";

    [Fact]
    public void Every_text_of_a_reply_is_redacted_and_the_reply_reads_back()
    {
        var replies = new TargetReply[]
        {
            new PostgresReply(
                ["user_id", "response"], [[ReplyCell.Of("u-1"), ReplyCell.Of($"API_KEY={Key}")], [ReplyCell.Null, ReplyCell.Of(2.5)]]),
            new HttpReply(200, $"{{\"results\":[{{\"text\":\"token {Key}\"}}],\"n\":1}}"),
            new PodLogsReply(new Dictionary<string, IReadOnlyList<string>> { ["gw-1"] = [$"2026-03-12T14:00:00Z auth failed for {Key}"] }),
            new PrometheusReply($"[{{\"metric\":{{\"key\":\"{Key}\"}},\"value\":[1773325200,\"1\"]}}]"),
            new RedisValueReply($"password={Key}"),
            new FailedReply($"refused {Key}"),
        };

        foreach (var reply in replies)
        {
            var json = ReplyJson.Write(reply)!;
            Assert.DoesNotContain(Key, json, StringComparison.Ordinal);
            Assert.Contains("REDACTED", json, StringComparison.Ordinal);
            Assert.Equal(reply.GetType(), ReplyJson.Read(json)!.GetType());
        }
        var rows = (PostgresReply)ReplyJson.Read(ReplyJson.Write(replies[0])!)!;
        Assert.Equal([ReplyCell.Null, ReplyCell.Of(2.5)], rows.Rows[1]);
        using var body = JsonDocument.Parse(((HttpReply)ReplyJson.Read(ReplyJson.Write(replies[1])!)!).Body);
        Assert.Equal(1, body.RootElement.GetProperty("n").GetInt32());
    }

    [Fact]
    public void A_reply_too_large_for_a_timeline_entry_is_not_kept()
    {
        var lines = Enumerable.Range(0, 3000).Select(i => $"2026-03-12T14:00:00Z line {i} {new string('x', 100)}").ToList();

        Assert.Null(ReplyJson.Write(new PodLogsReply(new Dictionary<string, IReadOnlyList<string>> { ["gw-1"] = lines })));
        Assert.Null(ReplyJson.Read("not json"));
    }
}
