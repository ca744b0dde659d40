using System.Net;
using System.Xml.Linq;
using ChatOps.TestKit;

namespace ChatOps.Host.Tests.Image;

/// <summary>
/// The Dockerfile at the root: its shape (stages, user, health check, what it copies) read from the file, and its
/// build run without a container engine on a copy of the build context, whose result must start and answer.
/// </summary>
[Collection(MachineHeavyCollection.Name)]
public sealed class ContainerImageTests : IDisposable
{
    private static readonly Dockerfile Image = Dockerfile.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "Dockerfile")));
    private static readonly DockerContext Context = new(RepoPaths.Root);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("chatops-image-");
    private readonly HttpClient _client = new();

    private static DockerStage Build => Image.Stage("build");

    private static DockerStage Final => Image.Stage("final");

    [Fact]
    public void The_image_builds_on_the_sdk_and_runs_on_the_chiseled_runtime_with_icu_and_tzdata()
    {
        Assert.Equal(["build", "final"], Image.Stages.Select(s => s.Name));
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", Build.Image);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra", Final.Image);
    }

    [Fact]
    public void The_final_stage_runs_as_a_numbered_non_root_user_on_port_8080()
    {
        var user = Final.Last("USER").Arguments;
        Assert.True(int.TryParse(user, out var uid) && uid > 0, $"USER {user} must be a non-root uid, so that runAsNonRoot can check it.");
        Assert.Contains(Final.All("ENV"), e => e.Arguments == "ASPNETCORE_HTTP_PORTS=8080");
        Assert.Equal("8080", Final.Last("EXPOSE").Arguments);
        Assert.Equal(["dotnet", "ChatOps.Host.dll"], Final.Last("ENTRYPOINT").Exec());
    }

    [Fact]
    public void The_health_check_needs_no_shell()
    {
        var check = Final.Last("HEALTHCHECK");
        Assert.StartsWith("CMD [", check.Arguments, StringComparison.Ordinal);
        Assert.Equal(["dotnet", "ChatOps.Host.dll", "healthcheck"], check.Exec("CMD"));
    }

    [Fact]
    public void The_final_stage_takes_the_publish_output_and_the_data_folder_from_the_build()
    {
        var publish = Build.All("RUN").Select(r => r.Words).Single(w => w is ["dotnet", "publish", ..]);
        Assert.Equal(["dotnet", "publish", "src/ChatOps.Host", "-c", "Release", "-o", "/app", "--no-restore"], publish);
        var made = Build.All("RUN").Select(r => r.Words).Where(w => w[0] == "mkdir").SelectMany(w => w.Skip(1)).Append(publish[6]);
        var copies = Final.All("COPY").ToList();
        Assert.All(copies, c => Assert.Equal("build", c.Flags["from"]));
        Assert.All(copies.SelectMany(c => c.Words.SkipLast(1)), source => Assert.Contains(source, made));
        Assert.Contains(copies, c => c.Words.SequenceEqual(["/app", "."]));
        var user = Final.Last("USER").Arguments;
        Assert.Equal($"{user}:{user}", Assert.Single(copies, c => c.Flags.ContainsKey("chown")).Flags["chown"]);
    }

    [Fact]
    public void Everything_the_build_copies_is_in_the_context_and_not_ignored()
    {
        var sources = Build.All("COPY").SelectMany(c => c.Words.SkipLast(1)).ToList();
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            var path = Path.Combine(RepoPaths.Root, source);
            Assert.True(File.Exists(path) || Directory.Exists(path), $"COPY {source}: not in the repository.");
            Assert.False(Context.IsIgnored(source.TrimEnd('/')), $"COPY {source}: .dockerignore leaves it out.");
            Assert.NotEmpty(Context.Files(source.TrimEnd('/')));
        }
        Assert.True(Context.IsIgnored("src/ChatOps.Host/bin/Debug/net10.0/ChatOps.Host.dll"));
        Assert.True(Context.IsIgnored("tests/ChatOps.Host.Tests/HostProcess.cs"));
    }

    [Fact]
    public void The_restore_layer_copies_every_project_the_host_references()
    {
        var restore = Build.Instructions.ToList().FindIndex(i => i.Keyword == "RUN" && i.Words is ["dotnet", "restore", ..]);
        var copied = Build.Instructions.Take(restore).Where(i => i.Keyword == "COPY").SelectMany(c => c.Words.SkipLast(1))
            .Where(s => s.EndsWith(".csproj", StringComparison.Ordinal));

        Assert.Equal(Projects("src/ChatOps.Host/ChatOps.Host.csproj").Order(StringComparer.Ordinal), copied.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_image_built_from_this_context_starts_answers_its_health_check_and_stops_on_sigterm()
    {
        var root = await new ImageBuild(Context, Path.Combine(_folder.FullName, "stages")).BuildAsync(Image);
        var app = ImageBuild.In(root, "/app");
        Assert.Equal(5, Directory.GetFiles(Path.Combine(app, "runbooks"), "*.yaml").Length);
        Assert.True(File.Exists(Path.Combine(app, "templates", "postmortem.md.sbn")));
        Assert.True(Directory.Exists(Path.Combine(app, "data")));

        var dll = Path.Combine(app, Final.Last("ENTRYPOINT").Exec()[1]);
        var elsewhere = _folder.CreateSubdirectory("elsewhere").FullName;
        await using var host = HostProcess.Start(dll, address => AsInTheImage(address), elsewhere);
        Assert.True(await host.WaitUntilLiveAsync(_client), host.Output);
        using (var ready = await _client.GetAsync(new Uri(host.Address, "/readyz")))
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        var healthcheck = Final.Last("HEALTHCHECK").Exec("CMD");
        Assert.Equal(0, await HealthCheckAsync(healthcheck, host.Address, app));

        Assert.Equal(0, await host.TerminateAsync());
        Assert.Equal(1, await HealthCheckAsync(healthcheck, host.Address, app));
    }

    /// <summary>The final stage's environment, on a free port instead of 8080, with the database in the test's folder.</summary>
    private Dictionary<string, string> AsInTheImage(Uri address)
    {
        var environment = Final.All("ENV").Select(e => e.Arguments.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        environment["ASPNETCORE_HTTP_PORTS"] = address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["ASPNETCORE_URLS"] = "";
        environment["Storage__Sqlite__Path"] = Path.Combine(_folder.FullName, "chatops.db");
        return environment;
    }

    private async Task<int> HealthCheckAsync(IReadOnlyList<string> command, Uri host, string app)
    {
        await using var check = HostProcess.Start(Path.Combine(app, command[1]), _ => AsInTheImage(host), app, [.. command.Skip(2)]);
        return await check.WaitForExitAsync();
    }

    /// <summary>A project and every project it references, directly or not, as paths from the repository root.</summary>
    private static IEnumerable<string> Projects(string project)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var next = new Stack<string>([project]);
        while (next.TryPop(out var current))
        {
            if (!found.Add(current)) continue;
            var folder = Path.GetDirectoryName(Path.Combine(RepoPaths.Root, current))!;
            foreach (var reference in XDocument.Load(Path.Combine(RepoPaths.Root, current)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(folder, reference.Attribute("Include")!.Value));
                next.Push(Path.GetRelativePath(RepoPaths.Root, full).Replace('\\', '/'));
            }
        }
        return found;
    }

    public void Dispose()
    {
        _client.Dispose();
        _folder.Delete(recursive: true);
    }
}
