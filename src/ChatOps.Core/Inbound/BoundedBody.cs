namespace ChatOps.Core.Inbound;

/// <summary>How a door reads a request body: whole, and never more than its limit, whatever length was announced.</summary>
public static class BoundedBody
{
    /// <summary>The body, or null when it is (or announces itself) larger than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long? announced, int limit, CancellationToken cancellationToken)
    {
        if (announced > limit) return null;
        using var kept = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (kept.Length + read > limit) return null;
            kept.Write(buffer, 0, read);
        }
        return kept.ToArray();
    }
}
