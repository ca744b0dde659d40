using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ChatOps.Slack.Wire;

namespace ChatOps.Slack.Inbound;

/// <summary>
/// Reads a submitted modal as Slack sends it, where any part may be missing or null: an input's value, and the
/// private metadata the bot put in the view. What cannot be read is null, never an exception.
/// </summary>
internal static class SubmittedView
{
    /// <summary>The value of the input whose block id and action id are both <paramref name="block"/>.</summary>
    public static ViewStateValue? Value(PayloadView view, string block) =>
        view.State?.Values?.TryGetValue(block, out var actions) == true && actions?.TryGetValue(block, out var value) == true ? value : null;

    public static T? Metadata<T>(PayloadView view, JsonTypeInfo<T> type) where T : class
    {
        if (string.IsNullOrEmpty(view.PrivateMetadata)) return null;
        try
        {
            return JsonSerializer.Deserialize(view.PrivateMetadata, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
