using Microsoft.Extensions.Configuration;

namespace Orchestrator.Storage.Configuration;

/// <summary>
/// Where the platform keeps its data: <c>Database:Provider</c> and <c>ConnectionStrings:Orchestrator</c>.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteConnectionString = "Data Source=data/orchestrator.db";

    /// <summary>
    /// Reads and validates the settings. Throws <see cref="ConfigurationException"/> naming the bad key, so a
    /// caller can report it in one line.
    /// </summary>
    public static DatabaseOptions FromConfiguration(IConfiguration configuration)
    {
        var providerText = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText.Trim(), ignoreCase: true, out provider))
        {
            throw new ConfigurationException(
                $"Database:Provider must be 'Sqlite' or 'Postgres', not '{providerText}'.");
        }

        var connectionString = configuration.GetConnectionString("Orchestrator");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new ConfigurationException(
                    "ConnectionStrings:Orchestrator is required when Database:Provider is Postgres.");
            }

            connectionString = DefaultSqliteConnectionString;
        }

        ValidateConnectionString(provider, connectionString);
        return new DatabaseOptions(provider, connectionString);
    }

    private static void ValidateConnectionString(DatabaseProvider provider, string connectionString)
    {
        try
        {
            _ = provider switch
            {
                DatabaseProvider.Postgres => (object)new Npgsql.NpgsqlConnectionStringBuilder(connectionString),
                _ => new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString),
            };
        }
        catch (ArgumentException ex)
        {
            throw new ConfigurationException($"ConnectionStrings:Orchestrator is not a valid {provider} connection string: {ex.Message}");
        }
    }
}
