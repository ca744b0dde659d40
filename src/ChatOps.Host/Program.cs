using ChatOps.Host;
using ChatOps.Host.Configuration;
using ChatOps.Host.Health;
using Microsoft.Extensions.Options;

if (args is ["validate", .. var rest]) return ValidateCommand.Run(rest, Console.Out, Console.Error);
if (args is ["healthcheck", .. var url]) return await HealthcheckCommand.RunAsync(url, Console.Error);
if (args is ["test", .. var tested]) return await TestCommand.RunAsync(tested, Console.Out, Console.Error, CancellationToken.None);

WebApplication app;
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Configuration.AddShippedSettings(builder.Environment);
    builder.Logging.AddJsonConsole();
    builder.AddChatOpsTelemetry();
    // Redis comes last: it wraps what the others registered.
    builder.AddChatOpsCore().AddChatOpsStorage().AddChatOpsTargets().AddChatOpsWork().AddChatOpsSlack().AddChatOpsTeams().AddChatOpsAlerts()
        .AddChatOpsRedis();
    app = builder.Build();
}
// Building resolves options too (the shutdown timeout reads Work), so a wrong setting may surface here already.
catch (Exception e) when (ConfigurationErrors.Of(e) is { Count: > 0 } errors)
{
    return await CannotStartAsync(errors);
}

try
{
    // Every option set is validated before mapping reads any, so that all wrong settings are named, not the first met.
    app.Services.GetRequiredService<IStartupValidator>().Validate();
    app.MapHealthEndpoints();
    app.MapChatOpsTelemetry();
    app.MapChatOpsSlack();
    app.MapChatOpsTeams();
    app.MapChatOpsAlerts();
    await app.RunAsync();
}
catch (Exception e) when (ConfigurationErrors.Of(e) is { Count: > 0 } errors)
{
    return await CannotStartAsync(errors);
}
return 0;

static async Task<int> CannotStartAsync(IReadOnlyList<string> errors)
{
    foreach (var error in errors) await Console.Error.WriteLineAsync($"ChatOps cannot start: {error}");
    return 1;
}

/// <summary>The entry point, visible to the host tests.</summary>
public partial class Program;
