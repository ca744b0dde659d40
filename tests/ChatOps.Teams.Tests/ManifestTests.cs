using System.Buffers.Binary;
using System.Text.Json.Nodes;
using ChatOps.TestKit;

namespace ChatOps.Teams.Tests;

/// <summary>The Teams app package in <c>manifest/teams</c>: a manifest the schema's rules accept and the two icons it names.</summary>
public sealed class ManifestTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "manifest", "teams");

    [Fact]
    public void The_manifest_names_a_bot_for_teams_chats_and_people_with_the_product_verbs()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")))!;
        Assert.Equal("1.22", (string?)manifest["manifestVersion"]);
        Assert.Contains("v1.22", (string?)manifest["$schema"], StringComparison.Ordinal);
        foreach (var required in new[] { "version", "id", "developer", "name", "description", "icons", "accentColor" }) Assert.NotNull(manifest[required]);
        Assert.True(((string?)manifest["name"]!["short"])!.Length <= 30);
        Assert.True(((string?)manifest["description"]!["short"])!.Length <= 80);
        var bot = Assert.Single(manifest["bots"]!.AsArray())!;
        Assert.Equal("${{MICROSOFT_APP_ID}}", (string?)bot["botId"]);
        Assert.Equal(["team", "groupChat", "personal"], bot["scopes"]!.AsArray().Select(s => (string?)s));
        var commands = bot["commandLists"]!.AsArray().SelectMany(l => l!["commands"]!.AsArray()).Select(c => (string?)c!["title"]).ToList();
        Assert.InRange(bot["commandLists"]![0]!["commands"]!.AsArray().Count, 1, 12);
        foreach (var verb in new[] { "declare", "sev", "lead", "run", "check", "note", "resolve", "status", "postmortem", "help" })
            Assert.Contains($"incident {verb}", commands);
    }

    [Theory]
    [InlineData("color.png", 192, false)]
    [InlineData("outline.png", 32, true)]
    public void The_icons_are_pngs_of_the_required_sizes(string file, int size, bool transparent)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, file));
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        // Colour type 6 is RGBA: the outline needs its alpha channel to be transparent around the white.
        if (transparent) Assert.Equal(6, bytes[25]);
    }
}
