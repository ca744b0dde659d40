namespace ChatOps.Host.Configuration;

/// <summary>
/// Resolves a configured relative path: under the content root when it exists there (a deployment's
/// mounted folder), else beside the binaries (the copies the build ships).
/// </summary>
internal static class HostPaths
{
    public static string Resolve(IHostEnvironment environment, string path)
    {
        if (Path.IsPathRooted(path)) return path;
        var underContentRoot = Path.Combine(environment.ContentRootPath, path);
        if (File.Exists(underContentRoot) || Directory.Exists(underContentRoot)) return underContentRoot;
        var besideBinaries = Path.Combine(AppContext.BaseDirectory, path);
        return File.Exists(besideBinaries) || Directory.Exists(besideBinaries) ? besideBinaries : underContentRoot;
    }
}
