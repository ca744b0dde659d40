using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace ChatOps.Host.Configuration;

/// <summary>
/// The settings files the build ships beside the binaries (<c>appsettings.json</c> and the environment's own) are read
/// wherever the host is started from: ASP.NET Core looks for them only in the content root, which is the folder the
/// host starts in, so <c>dotnet run --project src/ChatOps.Host</c> from the repository root would silently ignore them.
/// Files in the content root (a deployment's own) still win over the shipped ones, and the environment over both.
/// </summary>
internal static class ShippedSettings
{
    public static void AddShippedSettings(
        this IConfigurationBuilder configuration, IHostEnvironment environment, string? besideBinaries = null)
    {
        var folder = Path.GetFullPath(besideBinaries ?? AppContext.BaseDirectory);
        if (string.Equals(
                folder.TrimEnd(Path.DirectorySeparatorChar),
                Path.GetFullPath(environment.ContentRootPath).TrimEnd(Path.DirectorySeparatorChar),
                StringComparison.Ordinal))
            return;

        var sources = configuration.Sources;
        // Before the content root's own settings files, or else before whatever comes after them (the environment).
        var at = sources
            .Select((s, i) => (s, i))
            .FirstOrDefault(p => p.s is JsonConfigurationSource { Path: "appsettings.json" }, (null!, -1)).i;
        if (at < 0)
            at = sources.Count(s => s is not Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource
                and not Microsoft.Extensions.Configuration.CommandLine.CommandLineConfigurationSource);
        var files = new PhysicalFileProvider(folder);
        sources.Insert(at, Json(files, $"appsettings.{environment.EnvironmentName}.json"));
        sources.Insert(at, Json(files, "appsettings.json"));
    }

    private static JsonConfigurationSource Json(IFileProvider files, string path) =>
        new() { FileProvider = files, Path = path, Optional = true, ReloadOnChange = false };
}
