using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ChatOps.LocalWorkspace;

public static class LocalWorkspaceServiceCollectionExtensions
{
    /// <summary>
    /// The local workspace: its options (section <c>LocalWorkspace</c>, checked at start when on), its state, the Web
    /// API it answers and the forwarder that signs what people do with <paramref name="signingSecret"/>, the secret
    /// the bot verifies with. Serving it is <see cref="LocalWorkspaceEndpointRouteBuilderExtensions.MapLocalWorkspace"/>.
    /// </summary>
    public static IServiceCollection AddLocalWorkspace(this IServiceCollection services, Func<IServiceProvider, string?> signingSecret)
    {
        services.AddOptions<LocalWorkspaceOptions>().BindConfiguration(LocalWorkspaceOptions.SectionName)
            .PostConfigure(o =>
            {
                // A bound list is appended to, so the defaults are filled in only when configuration names none.
                if (o.Origins.Count == 0) foreach (var origin in LocalWorkspaceOptions.DefaultOrigins) o.Origins.Add(origin);
            })
            .Validate(o => !o.Enabled || o.Origins.All(IsOrigin),
                "LocalWorkspace:Origins: write each as scheme://host:port with no path, e.g. http://localhost:5080.")
            .Validate(
                o => !o.Enabled || string.IsNullOrEmpty(o.BotUrl)
                    || (Uri.TryCreate(o.BotUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"),
                "LocalWorkspace:BotUrl must be an absolute http(s) URL such as http://127.0.0.1:5080/.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SigningSecret(sp, signingSecret));
        services.AddSingleton<Workspace>();
        services.AddSingleton<LocalWebApi>();
        services.AddSingleton<LocalActions>();
        services.AddSingleton<LocalForwarder>();
        services.AddSingleton<BotAddress>();
        services.AddSingleton<RequestGuard>();
        services.AddHttpClient(LocalForwarder.ClientName);
        services.AddSingleton<IHostedService, ListenCheckWorker>();
        return services;
    }

    private static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
        && url.AbsolutePath == "/" && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment)
        && string.IsNullOrEmpty(url.UserInfo);
}
