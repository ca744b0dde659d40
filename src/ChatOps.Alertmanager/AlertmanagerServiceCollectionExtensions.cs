using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Alertmanager;

public static class AlertmanagerServiceCollectionExtensions
{
    /// <summary>The webhook's door and its token (<c>Alerts:WebhookToken</c>), checked at start.</summary>
    public static IServiceCollection AddAlertmanager(this IServiceCollection services)
    {
        services.AddOptions<AlertmanagerOptions>().BindConfiguration(AlertmanagerOptions.SectionName)
            .Validate(o => o.WebhookToken is not { } token || (token.Length >= AlertmanagerOptions.MinimumTokenLength && !token.Any(char.IsWhiteSpace)),
                $"{AlertmanagerOptions.TokenSetting} must be at least {AlertmanagerOptions.MinimumTokenLength} characters without spaces (e.g. openssl rand -hex 32).")
            .ValidateOnStart();
        services.AddSingleton<WebhookEndpoint>();
        return services;
    }
}
