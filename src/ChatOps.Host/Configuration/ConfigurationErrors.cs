using Microsoft.Extensions.Options;

namespace ChatOps.Host.Configuration;

/// <summary>
/// The configuration mistakes inside a start failure, one line each: several option sets failing at once arrive as
/// an <see cref="AggregateException"/>, and each still deserves its own line naming its setting.
/// </summary>
internal static class ConfigurationErrors
{
    public static IReadOnlyList<string> Of(Exception exception) => exception switch
    {
        OptionsValidationException options => [.. options.Failures],
        InvalidConfigurationException invalid => [invalid.Message],
        AggregateException all when all.InnerExceptions.All(e => Of(e).Count > 0) => [.. all.InnerExceptions.SelectMany(Of)],
        _ => [],
    };
}
