using Microsoft.Identity.Client;

namespace ChatOps.Teams.Outbound;

/// <summary>MSAL's HTTP goes through the host's <see cref="IHttpClientFactory"/>, so it shares its handlers and can be pointed elsewhere in tests.</summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
{
    public HttpClient GetHttpClient() => factory.CreateClient(BotTokenProvider.HttpClientName);
}
