using System.Diagnostics;

namespace ChatOps.TestKit.Servers;

/// <summary>Runs a command to its end and fails with its output when it fails.</summary>
public static class Commands
{
    public static Task RunAsync(string file, params string[] arguments) => RunInAsync(Environment.CurrentDirectory, file, arguments);

    public static async Task RunInAsync(string workingDirectory, string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
    }

    /// <summary>The first of <paramref name="candidates"/> that exists, or a message saying what to install.</summary>
    public static string Find(string install, params string[] candidates) =>
        candidates.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"None of {string.Join(", ", candidates)} exists; install {install} (scripts/test.sh does).");
}
