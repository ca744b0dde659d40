using ChatOps.Storage.Postgres;
using ChatOps.TestKit.Servers;
using Npgsql;

namespace ChatOps.Storage.Tests.Postgres;

/// <summary>
/// One PostgreSQL server for every PostgreSQL test, and one database in it for the contract suites; each store a suite
/// asks for lives in a fresh schema of that database, so it starts empty without the cost of a database per test.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public PostgresServer Server { get; } = new();

    public string Stores { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Server.StartAsync(platform: false);
        Stores = await Server.CreateDatabaseAsync("stores");
    }

    /// <summary>A new, empty schema; the connection string of databases that live in it.</summary>
    public async Task<string> CreateSchemaAsync()
    {
        var schema = $"s{Guid.NewGuid():N}";
        // Unpooled: a pooled connection would not survive a test that restarts the server.
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Stores) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(Stores) { SearchPath = schema }.ConnectionString;
    }

    public Task DisposeAsync() => Server.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}

/// <summary>The databases (connection pools) a test opened, closed when it ends so that the server's connections do not run out.</summary>
public sealed class PostgresDatabases(PostgresFixture fixture) : IDisposable
{
    private readonly List<PostgresDatabase> _opened = [];

    /// <summary>A migrated database in a fresh, empty schema.</summary>
    public async Task<PostgresDatabase> CreateAsync(TimeProvider? time = null) => await OpenAsync(await fixture.CreateSchemaAsync(), time);

    /// <summary>Another pool on <paramref name="connectionString"/>, as a replica has: migrated too, as each replica migrates at start.</summary>
    public async Task<PostgresDatabase> OpenAsync(string connectionString, TimeProvider? time = null)
    {
        var database = new PostgresDatabase(connectionString, time);
        lock (_opened) _opened.Add(database);
        await database.MigrateAsync(default);
        return database;
    }

    // Synchronous: xunit 2 disposes a test class only through IDisposable.
    public void Dispose()
    {
        foreach (var database in _opened) database.Dispose();
    }
}
