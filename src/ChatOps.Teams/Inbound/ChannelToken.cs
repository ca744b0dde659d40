namespace ChatOps.Teams.Inbound;

/// <summary>
/// A token the channel signed, checked for issuer, audience, lifetime and signature: what remains to check against
/// the activity it came with is whether its key is endorsed for the activity's channel and whether its
/// <c>serviceurl</c> is the activity's.
/// </summary>
internal sealed record ChannelToken(IReadOnlySet<string> Endorsements, string? ServiceUrl)
{
    /// <summary>The signing key must be endorsed for the activity's channel (<c>msteams</c>); no channel, no endorsement.</summary>
    public bool Endorses(string? channelId) => !string.IsNullOrEmpty(channelId) && Endorsements.Contains(channelId);

    /// <summary>
    /// The token must have been issued for the service URL the activity names, or a stolen token could point the bot's
    /// replies (and its own token) anywhere. Compared ignoring case, as botbuilder does: a URL's host is case-insensitive.
    /// </summary>
    public bool IsFor(string? serviceUrl) =>
        !string.IsNullOrEmpty(ServiceUrl) && string.Equals(ServiceUrl, serviceUrl, StringComparison.OrdinalIgnoreCase);
}
