using ChatOps.TestKit.Servers;

namespace ChatOps.Host.Tests.Image;

/// <summary>
/// Builds a Dockerfile's stages without a container engine: each stage's filesystem is a folder, <c>COPY</c> copies
/// from the build context (less what it ignores) or from an earlier stage, and the <c>RUN</c> steps run on this machine
/// with the stage's absolute paths under that folder. Only the steps it knows (<c>dotnet</c>, <c>mkdir</c>) may run, so
/// a new kind of step fails the test instead of going untried.
/// </summary>
internal sealed class ImageBuild(DockerContext context, string output)
{
    private readonly Dictionary<string, string> _roots = [];

    /// <summary>Builds every stage in order; returns the folder that is the last stage's filesystem.</summary>
    public async Task<string> BuildAsync(Dockerfile dockerfile)
    {
        foreach (var stage in dockerfile.Stages)
        {
            var root = Directory.CreateDirectory(Path.Combine(output, stage.Name)).FullName;
            _roots[stage.Name] = root;
            var workdir = "/";
            foreach (var instruction in stage.Instructions)
            {
                switch (instruction.Keyword)
                {
                    case "WORKDIR":
                        workdir = Path.Combine(workdir, instruction.Arguments);
                        Directory.CreateDirectory(In(root, workdir));
                        break;
                    case "COPY":
                        Copy(instruction, root, workdir);
                        break;
                    case "RUN":
                        await RunAsync(instruction.Words, root, workdir);
                        break;
                }
            }
        }
        return _roots[dockerfile.Stages[^1].Name];
    }

    /// <summary>Where an absolute path of a stage lies in this machine's folder for the stage.</summary>
    public static string In(string root, string path) => Path.Combine(root, path.TrimStart('/'));

    private void Copy(DockerInstruction copy, string root, string workdir)
    {
        var words = copy.Words;
        var destination = Path.Combine(workdir, words[^1]);
        var into = words[^1].EndsWith('/') || words.Count > 2;
        foreach (var source in words.SkipLast(1))
        {
            if (copy.Flags.TryGetValue("from", out var stage)) CopyFromStage(In(_roots[stage], source), In(root, destination), into);
            else CopyFromContext(source, In(root, destination), into);
        }
    }

    private void CopyFromContext(string source, string destination, bool into)
    {
        var relative = source.TrimEnd('/');
        var full = Path.Combine(context.Root, relative);
        if (!File.Exists(full) && !Directory.Exists(full)) throw new FileNotFoundException($"COPY {source}: not in the build context.", full);
        if (context.IsIgnored(relative)) throw new InvalidOperationException($"COPY {source}: .dockerignore leaves it out of the context.");
        foreach (var file in context.Files(relative))
        {
            var target = File.Exists(full)
                ? (into ? Path.Combine(destination, Path.GetFileName(file)) : destination)
                : Path.Combine(destination, Path.GetRelativePath(relative, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(context.Root, file), target, overwrite: true);
        }
    }

    private static void CopyFromStage(string source, string destination, bool into)
    {
        if (File.Exists(source))
        {
            var target = into ? Path.Combine(destination, Path.GetFileName(source)) : destination;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
            return;
        }
        if (!Directory.Exists(source)) throw new DirectoryNotFoundException($"COPY --from: {source} was not made by its stage.");
        Directory.CreateDirectory(destination);
        foreach (var folder in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, folder)));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(destination, Path.GetRelativePath(source, file)), overwrite: true);
    }

    private static async Task RunAsync(IReadOnlyList<string> words, string root, string workdir)
    {
        // An argument that is an absolute path names the stage's filesystem.
        var arguments = words.Skip(1).Select(w => w.StartsWith('/') ? In(root, w) : w).ToArray();
        switch (words[0])
        {
            case "dotnet":
                await Commands.RunInAsync(In(root, workdir), "dotnet", arguments);
                break;
            case "mkdir":
                foreach (var folder in arguments.Where(a => !a.StartsWith('-')))
                    Directory.CreateDirectory(Path.Combine(In(root, workdir), folder));
                break;
            default:
                throw new NotSupportedException($"RUN {string.Join(' ', words)}: the image build test does not know this step; teach it.");
        }
    }
}
