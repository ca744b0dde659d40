using System.Text.Encodings.Web;
using System.Text.Json;

namespace ChatOps.Teams.Cards;

/// <summary>The fixed parts of the cards the bot sends, and how they are written.</summary>
internal static class AdaptiveCard
{
    /// <summary>Teams renders bot cards up to 1.5; Universal Actions need at least 1.4 (Teams docs say 1.5).</summary>
    public const string Version = "1.5";

    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>The one verb of every <c>Action.Execute</c>: the inbound side routes by the core action id in <c>data</c>.</summary>
    public const string Verb = "chatops";

    // Relaxed escaping keeps the JSON readable and its size close to what Teams measures; it is still valid JSON.
    public static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
