using ChatOps.Host.Configuration;
using ChatOps.Host.Health;
using ChatOps.Storage;

namespace ChatOps.Host.Workers;

/// <summary>
/// Brings the schema up to date and checks the store's structure once, at start; hosted services start before the
/// server listens. A file that cannot be opened stops the host (its setting is wrong); a server that does not answer
/// is waited for: readiness says why, migration is retried with a growing pause, and work waits until it succeeds.
/// A damaged file does not stop the host: readiness says so, and liveness keeps it inspectable.
/// </summary>
internal sealed partial class StorageMigrationWorker(
    IStorageSchema schema,
    StorageStatus status,
    TimeProvider time,
    ILogger<StorageMigrationWorker> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stopping = new();
    private Task _waiting = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await MigrateAsync(cancellationToken);
        }
        catch (Exception e) when (schema.IsStorageFailure(e))
        {
            if (!schema.WaitsForServer)
            {
                throw new InvalidConfigurationException(
                    $"The database {schema.Description} ({schema.Setting}) cannot be opened or migrated: {e.Message}", e);
            }
            status.Unreachable = e.Message;
            LogUnreachable(e, schema.Description, FirstPause);
            _waiting = WaitForServerAsync(_stopping.Token);
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await schema.MigrateAsync(cancellationToken);
        status.Problem = await schema.QuickCheckAsync(cancellationToken);
        status.MarkMigrated();
        if (status.Problem is { } problem) LogDamaged(schema.Description, problem);
        else LogMigrated(schema.Description);
    }

    private async Task WaitForServerAsync(CancellationToken stopping)
    {
        var pause = FirstPause;
        while (true)
        {
            try
            {
                await Task.Delay(pause, time, stopping);
                await MigrateAsync(stopping);
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (schema.IsStorageFailure(e))
            {
                status.Unreachable = e.Message;
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
                LogUnreachable(e, schema.Description, pause);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Nothing to stop once migrated; a host disposed before it was stopped (a test's) must not meet a disposed source.
        if (_waiting.IsCompleted) return;
        await _stopping.CancelAsync();
        await _waiting.WaitAsync(cancellationToken);
    }

    public void Dispose() => _stopping.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready: {Store}")]
    private partial void LogMigrated(string store);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage damaged: the structure check of {Store} found: {Problem}")]
    private partial void LogDamaged(string store, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage unreachable: {Store} cannot be migrated; retrying in {Pause}, no work is taken until then")]
    private partial void LogUnreachable(Exception exception, string store, TimeSpan pause);
}
