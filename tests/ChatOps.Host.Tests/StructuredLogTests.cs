using System.Text.Json.Nodes;
using ChatOps.LocalWorkspace;

namespace ChatOps.Host.Tests;

/// <summary>
/// The host's own process writes one JSON object a line, with its logging scopes: a line logged in the work of an item
/// that concerns an incident names the incident, from the moment the work found or declared it.
/// </summary>
public sealed class StructuredLogTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("chatops-logs-");
    private readonly HttpClient _client = new();

    [Fact]
    public async Task A_line_logged_inside_an_incidents_work_carries_its_id()
    {
        await using var host = HostProcess.Start(address => new Dictionary<string, string>
        {
            ["Storage__Sqlite__Path"] = Path.Combine(_folder.FullName, "chatops.db"),
            ["LocalWorkspace__Enabled"] = "true",
            ["LocalWorkspace__Origins__0"] = address.GetLeftPart(UriPartial.Authority),
            ["SLACK_SIGNING_SECRET"] = ChatOpsFactory.Secret,
        }, null);
        Assert.True(await host.WaitUntilLiveAsync(_client), host.Output);
        var channel = Waits.NewChannel();

        await _client.CommandAsync(WorkspaceDirectory.Bob, channel, "declare sev3 Logs name their incident", address: host.Address);
        var declared = JsonNode.Parse(await host.LineAsync(l => l.Contains("Command DeclareCommand handled", StringComparison.Ordinal)))!;
        await _client.CommandAsync(WorkspaceDirectory.Bob, channel, "note the pool is at 98%", address: host.Address);
        var noted = JsonNode.Parse(await host.LineAsync(l => l.Contains("Command AddNoteCommand handled", StringComparison.Ordinal)))!;
        var started = JsonNode.Parse(await host.LineAsync(l => l.Contains("Work runner", StringComparison.Ordinal)))!;

        var incident = Scope(declared, "IncidentId");
        Assert.Matches(@"^INC-\d{4}-\d{4}$", incident);
        Assert.Equal(incident, Scope(noted, "IncidentId"));
        Assert.NotEqual(Scope(declared, "WorkItemId"), Scope(noted, "WorkItemId"));
        Assert.Equal("inbound.command", Scope(noted, "WorkKind"));
        Assert.Null(Scope(started, "IncidentId"));
    }

    /// <summary>A value from the line's scopes, as the JSON console formatter writes them (one object per scope).</summary>
    private static string? Scope(JsonNode line, string name) =>
        line["Scopes"]?.AsArray().OfType<JsonObject>().Select(s => (string?)s[name]).FirstOrDefault(v => v is not null);

    public void Dispose()
    {
        _client.Dispose();
        _folder.Delete(recursive: true);
    }
}
