using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChatOps.Host.Tests.Image;

/// <summary>
/// A Dockerfile read as the builder reads it (https://docs.docker.com/reference/dockerfile/): comment lines dropped,
/// backslash continuations joined, instructions grouped by the stage their <c>FROM</c> opens.
/// </summary>
internal sealed partial record Dockerfile(IReadOnlyList<DockerStage> Stages)
{
    public DockerStage Stage(string name) => Stages.Single(s => s.Name == name);

    public static Dockerfile Parse(string text)
    {
        var stages = new List<(string Image, string Name, List<DockerInstruction> Instructions)>();
        var logical = "";
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (logical.Length == 0 && (line.TrimStart().StartsWith('#') || string.IsNullOrWhiteSpace(line))) continue;
            if (line.EndsWith('\\'))
            {
                logical += line[..^1] + " ";
                continue;
            }
            var instruction = Instruction(logical + line);
            logical = "";
            if (instruction.Keyword == "FROM")
                stages.Add((instruction.Words[0], instruction.Words is [_, "AS" or "as", var name] ? name : $"{stages.Count}", []));
            else
                stages[^1].Instructions.Add(instruction);
        }
        return new Dockerfile([.. stages.Select(s => new DockerStage(s.Image, s.Name, s.Instructions))]);
    }

    private static DockerInstruction Instruction(string line)
    {
        var match = InstructionPattern().Match(line.Trim());
        var flags = match.Groups["flag"].Captures.ToDictionary(c => c.Value.Split('=', 2)[0], c => c.Value.Split('=', 2)[1]);
        return new DockerInstruction(match.Groups["keyword"].Value.ToUpperInvariant(), flags, match.Groups["arguments"].Value.Trim());
    }

    [GeneratedRegex(@"^(?<keyword>\w+)(\s+--(?<flag>[\w-]+=\S+))*\s*(?<arguments>.*)$")]
    private static partial Regex InstructionPattern();
}

/// <summary>A build stage: its base image, its name, and its instructions in order.</summary>
internal sealed record DockerStage(string Image, string Name, IReadOnlyList<DockerInstruction> Instructions)
{
    public IEnumerable<DockerInstruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);

    public DockerInstruction Last(string keyword) => Instructions.Last(i => i.Keyword == keyword);
}

/// <summary>One instruction: keyword, its <c>--name=value</c> flags, and the rest of its line.</summary>
internal sealed record DockerInstruction(string Keyword, IReadOnlyDictionary<string, string> Flags, string Arguments)
{
    /// <summary>The arguments in shell form, split on spaces.</summary>
    public IReadOnlyList<string> Words => Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The arguments in exec form: a JSON array, as ENTRYPOINT and CMD must be written to run without a shell.</summary>
    public IReadOnlyList<string> Exec(string prefix = "") =>
        JsonSerializer.Deserialize<string[]>(Arguments[prefix.Length..].Trim())
        ?? throw new InvalidOperationException($"{Keyword} {Arguments} is not in exec form.");
}
