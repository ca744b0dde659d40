namespace ChatOps.LocalWorkspace;

/// <summary>
/// Who is who in the local workspace: the bot's token and user, one channel, and four people. Alice and Carol are
/// managers (members of the manager group), Bob and Dave respond, and Dave may approve mitigations. The host gives
/// the bot the token, the group and the approver, as an operator configures them for a real workspace.
/// </summary>
public static class WorkspaceDirectory
{
    public const string BotToken = "xoxb-local-workspace";
    public const string BotUserId = "U0BOT00001";
    public const string ChannelId = "C0INCIDENTS";
    public const string ChannelName = "incidents";

    /// <summary>The user group whose members are managers (the bot reads it with <c>usergroups.users.list</c>).</summary>
    public const string ManagersGroup = "S0MANAGERS";

    public const string Alice = "U0ALICE001";
    public const string Bob = "U0BOB00001";
    public const string Carol = "U0CAROL001";
    public const string Dave = "U0DAVE0001";

    /// <summary>The responder who is also a configured approver.</summary>
    public const string Approver = Dave;

    internal static IReadOnlyList<LocalUser> Users { get; } =
    [
        new(Alice, "alice", "Alice Example"),
        new(Bob, "bob", "Bob Example"),
        new(Carol, "carol", "Carol Example"),
        new(Dave, "dave", "Dave Example"),
        new(BotUserId, "chatops", "ChatOps", IsBot: true),
    ];

    /// <summary>User groups and their members.</summary>
    internal static IReadOnlyDictionary<string, IReadOnlyList<string>> Groups { get; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [ManagersGroup] = [Alice, Carol] };

    internal static LocalUser? User(string id) => Users.FirstOrDefault(u => u.Id == id);
}
