using ChatOps.Host;
using ChatOps.Host.Configuration;
using ChatOps.Host.Health;

if (args is ["validate", .. var rest]) return ValidateCommand.Run(rest, Console.Out, Console.Error);

WebApplication app;
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Logging.AddJsonConsole();
    builder.AddChatOpsCore().AddChatOpsStorage().AddChatOpsWork().AddChatOpsSlack();
    app = builder.Build();
}
catch (InvalidConfigurationException e)
{
    await Console.Error.WriteLineAsync($"ChatOps cannot start: {e.Message}");
    return 1;
}

app.MapHealthEndpoints();
app.MapChatOpsSlack();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the host tests.</summary>
public partial class Program;
