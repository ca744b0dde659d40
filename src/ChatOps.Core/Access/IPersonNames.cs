using ChatOps.Core.Incidents;

namespace ChatOps.Core.Access;

/// <summary>One platform's display names of its people (Slack <c>users.info</c>, Teams the roster).</summary>
public interface IPersonNames
{
    /// <summary>The <see cref="PersonId.Platform"/> whose people this names.</summary>
    string Platform { get; }

    /// <summary>The person's display name, or null when the platform does not know or cannot answer now.</summary>
    Task<string?> NameAsync(string user, CancellationToken cancellationToken);
}
