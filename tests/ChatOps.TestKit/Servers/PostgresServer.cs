using System.Globalization;
using Npgsql;

namespace ChatOps.TestKit.Servers;

/// <summary>
/// A throwaway PostgreSQL cluster (initdb + pg_ctl) on a free loopback port, with the seed's <c>requests</c> and
/// <c>evals</c> tables (see <see cref="PlatformData"/>) and a read-only role for the checks.
/// PostgreSQL refuses to run as root, so as root (CI) the server runs as the <c>postgres</c> user. Storage tests skip the
/// seed and create an empty database of their own with <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string ReadOnlyRole = "chatops_readonly";
    public const string ReadOnlyPassword = "ro-Secret-42";

    private DirectoryInfo? _folder;
    private string _pgCtl = "";
    private bool _started;

    public int Port { get; private set; }

    public string AdminConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username=chatops;Database=platform;Pooling=false";

    public string ReadOnlyConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username={ReadOnlyRole};Password={ReadOnlyPassword};Database=platform";

    private string Data => Path.Combine(_folder!.FullName, "data");

    /// <summary>A connection string to <paramref name="database"/> as the administrator.</summary>
    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=chatops;Database={database}";

    /// <param name="platform">Whether to create the <c>platform</c> database the checks read; storage tests need none.</param>
    public async Task StartAsync(bool platform = true)
    {
        var initdb = Commands.Find("postgresql", Directory.Exists("/usr/lib/postgresql")
            ? [.. Directory.GetDirectories("/usr/lib/postgresql").OrderDescending(StringComparer.Ordinal).Select(d => Path.Combine(d, "bin", "initdb"))]
            : ["/usr/bin/initdb"]);
        _pgCtl = Path.Combine(Path.GetDirectoryName(initdb)!, "pg_ctl");
        _folder = Loopback.TempFolder("chatops-pg-");
        // The postgres user creates its data folder (and socket) inside ours.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_folder.FullName, (UnixFileMode)0b111_111_111);
        Port = Loopback.FreePort();

        await AsServerUserAsync(initdb, "-D", Data, "-U", "chatops", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C");
        await StartServerAsync();
        if (!platform) return;

        await using (var postgres = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username=chatops;Database=postgres;Pooling=false"))
        {
            await postgres.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE platform", postgres);
            await create.ExecuteNonQueryAsync();
        }
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await using var seed = new NpgsqlCommand(PlatformData.Sql, admin);
        await seed.ExecuteNonQueryAsync();
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var postgres = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username=chatops;Database=postgres;Pooling=false");
        await postgres.OpenAsync();
        // A database name is an identifier, not a value: it cannot be a parameter, so it is quoted instead.
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", postgres);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Stops the server as an operator would (fast shutdown: sessions are told and cut) and starts it again on the same port.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartServerAsync();
    }

    /// <summary>Starts a stopped server again on the same port, with its data.</summary>
    public Task StartAgainAsync() => StartServerAsync();

    /// <summary>Stops the server (fast shutdown); <see cref="StartAgainAsync"/> or dispose after.</summary>
    public async Task StopAsync()
    {
        await AsServerUserAsync(_pgCtl, "-D", Data, "-m", "fast", "-w", "stop");
        _started = false;
    }

    // Room for a test whose hundred racing callers each hold a connection of a full pool (Npgsql pools 100 by default).
    private async Task StartServerAsync()
    {
        await AsServerUserAsync(_pgCtl, "-D", Data, "-l", Path.Combine(_folder!.FullName, "server.log"), "-w", "-t", "60",
            "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)} -k {_folder.FullName} -c listen_addresses=127.0.0.1 -c fsync=off -c TimeZone=UTC -c max_connections=250", "start");
        _started = true;
    }

    private static Task AsServerUserAsync(string file, params string[] arguments) =>
        Environment.IsPrivilegedProcess
            ? Commands.RunAsync("runuser", ["-u", "postgres", "--", file, .. arguments])
            : Commands.RunAsync(file, arguments);

    public async ValueTask DisposeAsync()
    {
        if (_started) await AsServerUserAsync(_pgCtl, "-D", Data, "-m", "immediate", "-w", "stop");
        _folder?.Delete(recursive: true);
    }
}
