using ChatOps.Core.Mitigations;
using StackExchange.Redis;

namespace ChatOps.Targets.Mitigations;

/// <summary>One Redis command or script of a mitigation; a refusal or a lost server becomes a one-line <see cref="MitigationFailedException"/>.</summary>
internal static class RedisCalls
{
    public static async Task<T> RunAsync<T>(string what, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().WaitAsync(cancellationToken);
        }
        catch (RedisServerException e)
        {
            // NOPERM, WRONGTYPE and the like: the server refused the command, so it changed nothing.
            throw new MitigationFailedException($"{what}: Redis refused: {e.Message}", e);
        }
        catch (RedisConnectionException e)
        {
            throw new MitigationFailedException($"{what}: Redis connection failed, so the change may not have arrived; look before retrying: {FirstLine(e.Message)}", e);
        }
        catch (TimeoutException e)
        {
            // A script either ran whole or not at all, but which one is unknown.
            throw new MitigationFailedException($"{what}: Redis did not answer in time; the change may have been made, look before retrying", e);
        }
    }

    private static string FirstLine(string text) => text.ReplaceLineEndings("\n").Split('\n', 2)[0];
}
