using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChatOps.Host.Configuration;

/// <summary>
/// The configuration mistakes inside a start failure, one line each: several option sets failing at once arrive as
/// an <see cref="AggregateException"/>, and each still deserves its own line naming its setting.
/// </summary>
internal static class ConfigurationErrors
{
    private static readonly string? Binder = typeof(ConfigurationBinder).Assembly.GetName().Name;

    public static IReadOnlyList<string> Of(Exception exception) => exception switch
    {
        OptionsValidationException options => [.. options.Failures],
        InvalidConfigurationException invalid => [invalid.Message],
        // A value the binder cannot convert (a duration of 'soon', a severity of 'Sev9'): its message names setting, value and type.
        InvalidOperationException binding when binding.Source == Binder => [binding.Message],
        AggregateException all when all.InnerExceptions.All(e => Of(e).Count > 0) => [.. all.InnerExceptions.SelectMany(Of)],
        _ => [],
    };
}
