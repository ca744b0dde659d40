using System.Collections.Concurrent;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Access;

/// <summary>
/// Display names for documents and views that show people outside chat's own mentions (the postmortem). A name is
/// asked of the person's platform once and kept; an unanswered lookup is asked again next time.
/// </summary>
public sealed class PeopleDirectory(IEnumerable<IPersonNames> platforms)
{
    private readonly Dictionary<string, IPersonNames> _platforms = platforms.ToDictionary(p => p.Platform, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<PersonId, string> _names = new();

    /// <summary>
    /// The person's display name from their platform; else <paramref name="hint"/> (a name chat showed once, such as a
    /// mention's label, which anyone can type and so never outranks the platform); else the user id.
    /// </summary>
    public async Task<string> NameAsync(PersonId person, string? hint, CancellationToken cancellationToken)
    {
        if (person.IsBot) return Actor.System.Name!;
        if (_names.TryGetValue(person, out var known)) return known;
        var name = _platforms.TryGetValue(person.Platform, out var platform) ? await platform.NameAsync(person.User, cancellationToken) : null;
        if (name is null) return string.IsNullOrWhiteSpace(hint) ? person.User : hint;
        _names[person] = name;
        return name;
    }

    /// <summary>Names for many people at once, for a document that shows them all.</summary>
    public async Task<IReadOnlyDictionary<PersonId, string>> NamesAsync(IEnumerable<(PersonId Person, string? Hint)> people, CancellationToken cancellationToken)
    {
        var names = new Dictionary<PersonId, string>();
        foreach (var (person, hint) in people)
        {
            if (!names.TryGetValue(person, out var named) || named == person.User) names[person] = await NameAsync(person, hint, cancellationToken);
        }
        return names;
    }
}
