namespace ChatOps.Targets.Tests;

/// <summary>Folders of the repository, found from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Runbooks => Path.Combine(Root, "runbooks");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatOps.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("ChatOps.sln not found above the test folder.");
    }
}
