namespace ChatOps.Core.Commands;

/// <summary>One row of the command table: the verb, how to write it, what it does, and how to read it.</summary>
public sealed record CommandSpec(string Verb, string Usage, string Summary, bool NamesIncident)
{
    /// <summary>A quick view that changes nothing; adapters may answer it at once instead of in the background.</summary>
    public bool ReadOnly { get; init; }

    internal Func<TokenCursor, CommandSpec, ParseResult> Read { get; init; } = (_, _) =>
        throw new InvalidOperationException("A command spec needs a reader.");

    internal ParseResult Fail(CommandErrorCode code, string message) => ParseResult.Fail(code, message, Usage);
}
