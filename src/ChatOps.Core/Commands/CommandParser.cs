namespace ChatOps.Core.Commands;

/// <summary>Reads the text after <c>/incident</c> (or <c>@bot incident</c>) into a command or a typed error.</summary>
public static class CommandParser
{
    public static ParseResult Parse(string? text)
    {
        if (text is null || string.IsNullOrWhiteSpace(text))
            return ParseResult.Fail(CommandErrorCode.Empty, "Say what to do. " + CommandTable.VerbList(), "help");
        if (text.Length > CommandTable.MaxLength)
            return ParseResult.Fail(CommandErrorCode.TooLong, $"That command is {text.Length} characters; the most is {CommandTable.MaxLength}.");

        var cursor = new TokenCursor(text);
        var verb = cursor.Next()!;
        // In a thread the command is typed after the mention, often with the word "incident" first.
        if (verb.Equals("incident", StringComparison.OrdinalIgnoreCase) || verb.Equals("/incident", StringComparison.OrdinalIgnoreCase))
        {
            verb = cursor.Next() ?? string.Empty;
            if (verb.Length == 0)
                return ParseResult.Fail(CommandErrorCode.Empty, "Say what to do. " + CommandTable.VerbList(), "help");
        }

        var spec = CommandTable.Find(verb);
        return spec is null
            ? ParseResult.Fail(CommandErrorCode.UnknownVerb, $"'{CommandTable.Shorten(verb)}' is not a command. {CommandTable.VerbList()}", "help [verb]")
            : spec.Read(cursor, spec);
    }
}
