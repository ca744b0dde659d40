using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LocalWorkspace.Tests;

/// <summary>
/// "Start a drill" offers what the host supplies (its loaded scenarios), as the page reads it; the workspace reads no
/// scenario file, offers nothing without a host's list, and shows the list only to its own page on this machine.
/// </summary>
public sealed class DrillMenuTests
{
    private sealed class TwoDrills : IDrillScenarios
    {
        public IReadOnlyList<DrillScenario> All { get; } =
            [new("gpu-saturation", "GPU saturation & a long vLLM queue"), new("gateway-5xx-spike", "A 5xx spike <after> a deploy")];
    }

    [Fact]
    public async Task The_page_reads_the_drills_the_host_supplies_by_name_and_title()
    {
        await using var app = await WorkspaceApp.StartAsync(services: s => s.AddSingleton<IDrillScenarios, TwoDrills>());
        var (status, body) = await app.SendAsync("GET", "/local/ui/drills", origin: null);
        Assert.Equal(HttpStatusCode.OK, status);
        var drills = JsonNode.Parse(body)!.AsArray().Select(d => ((string?)d!["name"], (string?)d["title"])).ToList();
        Assert.Equal(
            [("gpu-saturation", "GPU saturation & a long vLLM queue"), ("gateway-5xx-spike", "A 5xx spike <after> a deploy")], drills);
    }

    [Fact]
    public async Task Without_a_host_list_no_drill_is_offered()
    {
        await using var app = await WorkspaceApp.StartAsync();
        var (status, body) = await app.SendAsync("GET", "/local/ui/drills", origin: null);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(JsonNode.Parse(body)!.AsArray());
    }

    [Fact]
    public async Task Another_machine_or_a_rebound_name_cannot_read_the_drills()
    {
        await using var app = await WorkspaceApp.StartAsync(services: s => s.AddSingleton<IDrillScenarios, TwoDrills>());
        var rebound = await app.SendAsync("GET", "/local/ui/drills", host: "rebound.example:5080", origin: null);
        var remote = await app.SendAsync("GET", "/local/ui/drills", origin: null, remote: IPAddress.Parse("192.0.2.7"));
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (rebound.Status, remote.Status));
        Assert.DoesNotContain("gpu-saturation", rebound.Body + remote.Body, StringComparison.Ordinal);
    }
}
