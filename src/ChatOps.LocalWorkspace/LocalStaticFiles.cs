using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace ChatOps.LocalWorkspace;

/// <summary>The local workspace page (HTML, script, style), embedded in this assembly: no build step, nothing on disk.</summary>
internal static class LocalStaticFiles
{
    private static readonly ConcurrentDictionary<string, byte[]> Cache = new(StringComparer.Ordinal);

    public static IResult Serve(string name, string contentType)
    {
        var bytes = Cache.GetOrAdd(name, static n =>
        {
            using var stream = typeof(LocalStaticFiles).Assembly.GetManifestResourceStream($"ChatOps.LocalWorkspace.{n}")
                ?? throw new InvalidOperationException($"The local workspace file {n} is not embedded.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
        return Results.Bytes(bytes, contentType);
    }
}
