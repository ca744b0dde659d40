namespace ChatOps.Core.Chat;

/// <summary>
/// What work items have delivered to chat, by effect key (<see cref="Work.WorkScope"/>), with what the platform
/// returned. A retried item finds its earlier posts here and does not post them again; a crash between a post and its
/// record can repeat that one post, never lose it.
/// </summary>
public interface IMessageJournal
{
    /// <summary>The platform's id of the message delivered under <paramref name="key"/> (empty for a private answer or an update); null when none was.</summary>
    Task<string?> FindAsync(string key, CancellationToken cancellationToken);

    Task RecordAsync(string key, string messageId, CancellationToken cancellationToken);
}
