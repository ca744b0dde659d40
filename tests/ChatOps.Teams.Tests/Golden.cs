using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.TestKit;

namespace ChatOps.Teams.Tests;

/// <summary>
/// Golden files for the card renderer: the activity Teams receives, pinned in <c>Golden/</c>. Run with
/// <c>UPDATE_GOLDEN=1</c> to rewrite them after an intended change, then review the diff.
/// </summary>
internal static class Golden
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Match(string name, JsonObject activity)
    {
        var json = activity.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
        var path = Path.Combine(RepoPaths.Root, "tests", "ChatOps.Teams.Tests", "Golden", name + ".json");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1" || !File.Exists(path))
        {
            File.WriteAllText(path, json);
            Assert.Fail($"Golden file {name}.json was written; review it and run again.");
        }
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), json);
    }
}
