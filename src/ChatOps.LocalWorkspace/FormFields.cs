namespace ChatOps.LocalWorkspace;

/// <summary>An <c>application/x-www-form-urlencoded</c> body, as the bot sends some Web API calls: '+' is a space.</summary>
internal static class FormFields
{
    public static IEnumerable<(string Name, string Value)> Parse(string body)
    {
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            yield return equals < 0 ? (Decode(pair), string.Empty) : (Decode(pair[..equals]), Decode(pair[(equals + 1)..]));
        }
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
