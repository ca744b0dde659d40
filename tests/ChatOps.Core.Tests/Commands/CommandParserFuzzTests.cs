using ChatOps.Core.Commands;
using CsCheck;

namespace ChatOps.Core.Tests.Commands;

/// <summary>Whatever arrives from chat, the parser answers with a command or a typed error, never an exception.</summary>
public sealed class CommandParserFuzzTests
{
    private static readonly string[] Words =
    [
        "declare", "sev", "lead", "run", "check", "note", "cause", "impact", "action", "lesson", "mitigated", "resolve",
        "status", "timeline", "list", "postmortem", "help", "incident", "/incident", "sev1", "sev9", "SEV2", "0", "4", "9",
        "INC-2026-0042", "inc-2026-1", "INC-0000-0000", "<@U1>", "<@U1|bob>", "<@>", "@", "@bob", "<!channel>", "{{ x }}",
        "\"", "'", "\\", "\t", "\n", "\u0000", "é", "🔥", "--", "%", "|", "<", ">",
    ];

    [Fact]
    public void Random_text_yields_a_command_or_a_typed_error()
    {
        Gen.String.Sample(Check, iter: 5000);
    }

    [Fact]
    public void Random_sequences_of_grammar_words_yield_a_command_or_a_typed_error()
    {
        Gen.Int[0, Words.Length - 1].Select(i => Words[i]).Array[0, 8].Select(ws => string.Join(' ', ws)).Sample(Check, iter: 5000);
    }

    private static void Check(string text)
    {
        var result = CommandParser.Parse(text);
        Assert.True(result.Succeeded ^ (result.Error is not null), $"'{text}' gave both or neither");
        if (result.Succeeded) return;
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Usage), $"'{text}' was refused without a usage line: {result.Error.Message}");
    }
}
