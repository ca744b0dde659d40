namespace ChatOps.TestKit;

/// <summary>Folders of the repository, found from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Runbooks => Path.Combine(Root, "runbooks");

    public static string Scenarios => Path.Combine(Root, "scenarios");

    public static string Templates => Path.Combine(Root, "templates");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatOps.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("ChatOps.sln not found above the test folder.");
    }
}
