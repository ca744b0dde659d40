namespace ChatOps.TestKit.Teams;

/// <summary>Sends every request to the local fake, keeping its path: the bot talks to https://login.microsoftonline.com and https://smba.trafficmanager.net as in production.</summary>
public sealed class Redirect(string fakeUrl) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.RequestUri = new Uri(fakeUrl.TrimEnd('/') + request.RequestUri!.PathAndQuery);
        return base.SendAsync(request, cancellationToken);
    }
}
