namespace ChatOps.Core.Commands;

/// <summary>Reads the text after <c>/incident</c> (or <c>@bot incident</c>) into a command or a typed error.</summary>
public static class CommandParser
{
    public static ParseResult Parse(string? text)
    {
        if (text is null || string.IsNullOrWhiteSpace(text))
            return ParseResult.Fail(CommandErrorCode.Empty, "Say what to do. " + CommandTable.VerbList(), "help");
        if (text.Length > CommandTable.MaxLength)
            return ParseResult.Fail(CommandErrorCode.TooLong, $"That command is {text.Length} characters; the most is {CommandTable.MaxLength}. Put long text in several notes.", "note [INC-YYYY-NNNN] <text>");

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
        if (spec is null)
            return ParseResult.Fail(CommandErrorCode.UnknownVerb, $"'{CommandTable.Shorten(verb)}' is not a command. {CommandTable.VerbList()}", "help [verb]");
        // A mistyped id must not fall through to the channel's incident as text ("resolve INC-2026-42").
        if (spec.NamesIncident && cursor.Peek() is { } first && first.StartsWith("INC-", StringComparison.OrdinalIgnoreCase) && !Incidents.IncidentId.TryParse(first, out _))
            return spec.Fail(CommandErrorCode.BadIncidentId, $"'{CommandTable.Shorten(first)}' is not an incident id; they look like INC-2026-0042.");
        return spec.Read(cursor, spec);
    }
}
