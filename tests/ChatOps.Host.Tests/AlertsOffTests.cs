using System.Net;
using System.Text;

namespace ChatOps.Host.Tests;

/// <summary>Without <c>Alerts:WebhookToken</c> the webhook is off: not served at all.</summary>
public sealed class AlertsOffTests(ChatOpsFactory factory) : IClassFixture<ChatOpsFactory>
{
    [Fact]
    public async Task The_webhook_is_not_served_without_a_token()
    {
        using var client = factory.CreateClient();
        using var body = new StringContent("""{"version":"4"}""", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/alerts/alertmanager", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
