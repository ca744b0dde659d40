using System.Text;
using ChatOps.LocalWorkspace;
using ChatOps.Slack.Inbound;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Slack.Tests;

public sealed class SlackRequestReaderTests
{
    [Theory]
    [InlineData(300, true)]
    [InlineData(300, false)]
    [InlineData(70_000, true)]
    [InlineData(70_000, false)]
    public async Task A_signed_body_is_read_whole_with_or_without_its_announced_length(int size, bool announced)
    {
        await using var services = SlackServices.Build();
        var body = "text=" + new string('x', size);
        Assert.Equal(body, await services.GetRequiredService<SlackRequestReader>().ReadVerifiedAsync(Request(body, announced).Request, default));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_limit_is_refused_however_it_comes(bool announced)
    {
        await using var services = SlackServices.Build();
        var body = new string('x', SlackRequestReader.MaxBody + 1);
        Assert.Null(await services.GetRequiredService<SlackRequestReader>().ReadVerifiedAsync(Request(body, announced).Request, default));
    }

    private static DefaultHttpContext Request(string body, bool announced)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var (timestamp, signature) = LocalRequests.Sign("test-secret", body, DateTimeOffset.UtcNow);
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.Body = new MemoryStream(bytes);
        if (announced) http.Request.ContentLength = bytes.Length;
        http.Request.Headers[SlackSignature.TimestampHeader] = timestamp;
        http.Request.Headers[SlackSignature.SignatureHeader] = signature;
        return http;
    }
}
