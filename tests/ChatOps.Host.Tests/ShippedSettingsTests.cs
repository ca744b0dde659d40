using ChatOps.Host.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Host.Tests;

/// <summary>The settings shipped beside the binaries are read from any start folder; the start folder's and the environment's win.</summary>
public sealed class ShippedSettingsTests : IDisposable
{
    private readonly DirectoryInfo _binaries = Directory.CreateTempSubdirectory("chatops-bin-");
    private readonly DirectoryInfo _start = Directory.CreateTempSubdirectory("chatops-start-");

    [Fact]
    public void Shipped_files_are_read_from_another_start_folder_and_lose_to_the_start_folders_and_the_environment()
    {
        File.WriteAllText(Path.Combine(_binaries.FullName, "appsettings.json"), """{ "A": "shipped", "B": "shipped", "C": "shipped" }""");
        File.WriteAllText(Path.Combine(_binaries.FullName, "appsettings.Development.json"), """{ "D": "shipped for development" }""");
        File.WriteAllText(Path.Combine(_start.FullName, "appsettings.json"), """{ "B": "deployment" }""");
        Environment.SetEnvironmentVariable("CHATOPS_SHIPPED_TEST_C", "environment");
        try
        {
            var builder = new ConfigurationBuilder()
                .AddJsonFile(new PhysicalFileProvider(_start.FullName), "appsettings.json", optional: true, reloadOnChange: false)
                .AddEnvironmentVariables("CHATOPS_SHIPPED_TEST_");
            builder.AddShippedSettings(new StartedIn(_start.FullName), _binaries.FullName);
            var configuration = builder.Build();

            Assert.Equal("shipped", configuration["A"]);
            Assert.Equal("deployment", configuration["B"]);
            Assert.Equal("environment", configuration["C"]);
            Assert.Equal("shipped for development", configuration["D"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CHATOPS_SHIPPED_TEST_C", null);
        }
    }

    [Fact]
    public void Started_beside_the_binaries_nothing_is_read_twice()
    {
        var builder = new ConfigurationBuilder();
        builder.AddShippedSettings(new StartedIn(_binaries.FullName), _binaries.FullName);
        Assert.Empty(builder.Sources);
    }

    public void Dispose()
    {
        _binaries.Delete(recursive: true);
        _start.Delete(recursive: true);
    }

    private sealed class StartedIn(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";
        public string ApplicationName { get; set; } = "ChatOps.Host";
        public string ContentRootPath { get; set; } = contentRoot;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
