using System.Diagnostics.CodeAnalysis;
using ChatOps.Core.Access;
using ChatOps.Teams.Inbound.Wire;

namespace ChatOps.Teams.Inbound;

/// <summary>People as the core knows them: <c>teams:&lt;AAD object id&gt;</c>, the id roles and approvers are configured with.</summary>
internal static class TeamsPeople
{
    /// <summary>A person behind an account; false for a bot (<c>28:…</c>) or an account that carries no AAD object id.</summary>
    public static bool TryPerson(ChannelAccount? account, [NotNullWhen(true)] out PersonId? person)
    {
        person = null;
        if (account?.Id?.StartsWith("28:", StringComparison.Ordinal) == true) return false;
        return PersonId.TryParse($"{TeamsPlatform.Name}:{AadObjectId(account)}", out person);
    }

    /// <summary>
    /// The AAD object id: the account's own field, or its id when that is an object id (a GUID). A Teams user id
    /// (<c>29:…</c>) alone is not one: it cannot be matched to configured roles without asking the Connector.
    /// </summary>
    private static string? AadObjectId(ChannelAccount? account) =>
        account?.AadObjectId is { Length: > 0 } aad ? aad
        : Guid.TryParse(account?.Id, out _) ? account!.Id
        : null;
}
