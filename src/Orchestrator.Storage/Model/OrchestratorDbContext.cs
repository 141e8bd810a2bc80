using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Model.Entities;
using Orchestrator.Storage.Model.Mappings;

namespace Orchestrator.Storage.Model;

/// <summary>
/// One EF Core model over every table of the schema, for both providers. The schema itself is owned by the
/// SQL migrations (Migrations/Postgres, Migrations/Sqlite); this model only maps it, so EF never creates or
/// alters tables. Hot paths (bulk loads, the order path) use Npgsql directly instead.
/// </summary>
public sealed class OrchestratorDbContext(DbContextOptions<OrchestratorDbContext> options) : DbContext(options)
{
    // Options are immutable and costly to build: one instance per store, shared by every context on it.
    private static readonly ConcurrentDictionary<(DatabaseProvider, string), DbContextOptions<OrchestratorDbContext>> OptionsCache = new();

    public DatabaseProvider Provider => Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    public DbSet<User> Users => Set<User>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<UserApiKey> UserApiKeys => Set<UserApiKey>();
    public DbSet<Broker> Brokers => Set<Broker>();
    public DbSet<UserBrokerAccount> UserBrokerAccounts => Set<UserBrokerAccount>();
    public DbSet<AccountPosition> AccountPositions => Set<AccountPosition>();
    public DbSet<AccountBalance> AccountBalances => Set<AccountBalance>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderFill> OrderFills => Set<OrderFill>();
    public DbSet<MarketSymbol> MarketSymbols => Set<MarketSymbol>();
    public DbSet<MinuteBar> MarketData1m => Set<MinuteBar>();
    public DbSet<Strategy> Strategies => Set<Strategy>();
    public DbSet<TradingSignal> TradingSignals => Set<TradingSignal>();
    public DbSet<StrategyExecution> StrategyExecutions => Set<StrategyExecution>();
    public DbSet<StrategyTemplate> StrategyTemplates => Set<StrategyTemplate>();
    public DbSet<UserStrategy> UserStrategies => Set<UserStrategy>();
    public DbSet<StrategyBacktest> StrategyBacktests => Set<StrategyBacktest>();
    public DbSet<BacktestRun> BacktestRuns => Set<BacktestRun>();
    public DbSet<RiskProfile> RiskProfiles => Set<RiskProfile>();
    public DbSet<RiskCalculation> RiskCalculations => Set<RiskCalculation>();
    public DbSet<RiskAlert> RiskAlerts => Set<RiskAlert>();
    public DbSet<SystemMetric> SystemMetrics => Set<SystemMetric>();
    public DbSet<ApiUsage> ApiUsage => Set<ApiUsage>();
    public DbSet<AuditLogEntry> AuditLog => Set<AuditLogEntry>();
    public DbSet<DataRetentionPolicy> DataRetentionPolicies => Set<DataRetentionPolicy>();
    public DbSet<BackupConfig> BackupConfig => Set<BackupConfig>();
    public DbSet<RecoveryLogEntry> RecoveryLog => Set<RecoveryLogEntry>();
    public DbSet<StrategyConfigDocument> StrategyConfigs => Set<StrategyConfigDocument>();
    public DbSet<SystemLogEntry> SystemLogs => Set<SystemLogEntry>();
    public DbSet<AnalyticsDocument> AnalyticsData => Set<AnalyticsDocument>();
    public DbSet<SchemaMigration> SchemaMigrations => Set<SchemaMigration>();
    public DbSet<CacheEpoch> CacheEpochs => Set<CacheEpoch>();
    public DbSet<OrderClientId> OrderClientIds => Set<OrderClientId>();

    /// <summary>Points <paramref name="builder"/> at the configured store (also used by the DI context pool).</summary>
    public static void Configure(DbContextOptionsBuilder builder, ConnectionFactory connections)
    {
        if (connections.Provider == DatabaseProvider.Postgres)
        {
            builder.UseNpgsql(connections.EffectiveConnectionString, npgsql => npgsql.UseNodaTime());
        }
        else
        {
            builder.UseSqlite(connections.EffectiveConnectionString);
        }
    }

    /// <summary>
    /// Bumps the 'credentials' epoch in the current transaction: every server drops its cached credentials.
    /// Call it in the same unit of work as any change that revokes a credential.
    /// </summary>
    public Task BumpCredentialsEpochAsync(CancellationToken ct) =>
        CacheEpochs.Where(e => e.Name == "credentials").ExecuteUpdateAsync(s => s.SetProperty(e => e.Epoch, e => e.Epoch + 1), ct);

    /// <summary>A context outside dependency injection (tools, tests); dispose it.</summary>
    public static OrchestratorDbContext Create(ConnectionFactory connections) =>
        new(OptionsCache.GetOrAdd((connections.Provider, connections.EffectiveConnectionString), _ =>
        {
            var builder = new DbContextOptionsBuilder<OrchestratorDbContext>();
            Configure(builder, connections);
            return builder.Options;
        }));

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        // SQLite stores these as text. UUIDs in lower case, as the schema's defaults write them (EF's default
        // would be upper case, and text comparison is case-sensitive); instants as UTC; periods as ISO 8601.
        configurationBuilder.Properties<Guid>().HaveConversion<SqliteConverters.GuidToLowerString>();
        configurationBuilder.Properties<DateTime>().HaveConversion<SqliteConverters.UtcDateTime>();
        configurationBuilder.Properties<Period>().HaveConversion<SqliteConverters.PeriodToIsoString>();
        configurationBuilder.Properties<NpgsqlTypes.NpgsqlInet[]>().HaveConversion<SqliteConverters.InetArrayToJson, SqliteConverters.InetArrayComparer>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var postgres = Provider == DatabaseProvider.Postgres;
        modelBuilder.ApplyConfiguration(new UserMapping(postgres));
        modelBuilder.ApplyConfiguration(new UserSessionMapping(postgres));
        modelBuilder.ApplyConfiguration(new UserApiKeyMapping(postgres));
        modelBuilder.ApplyConfiguration(new BrokerMapping(postgres));
        modelBuilder.ApplyConfiguration(new UserBrokerAccountMapping(postgres));
        modelBuilder.ApplyConfiguration(new AccountPositionMapping(postgres));
        modelBuilder.ApplyConfiguration(new AccountBalanceMapping(postgres));
        modelBuilder.ApplyConfiguration(new OrderMapping(postgres));
        modelBuilder.ApplyConfiguration(new OrderFillMapping(postgres));
        modelBuilder.ApplyConfiguration(new MarketSymbolMapping(postgres));
        modelBuilder.ApplyConfiguration(new MinuteBarMapping(postgres));
        modelBuilder.ApplyConfiguration(new StrategyMapping(postgres));
        modelBuilder.ApplyConfiguration(new TradingSignalMapping(postgres));
        modelBuilder.ApplyConfiguration(new StrategyExecutionMapping(postgres));
        modelBuilder.ApplyConfiguration(new StrategyTemplateMapping(postgres));
        modelBuilder.ApplyConfiguration(new UserStrategyMapping(postgres));
        modelBuilder.ApplyConfiguration(new StrategyBacktestMapping(postgres));
        modelBuilder.ApplyConfiguration(new BacktestRunMapping(postgres));
        modelBuilder.ApplyConfiguration(new RiskProfileMapping(postgres));
        modelBuilder.ApplyConfiguration(new RiskCalculationMapping(postgres));
        modelBuilder.ApplyConfiguration(new RiskAlertMapping(postgres));
        modelBuilder.ApplyConfiguration(new SystemMetricMapping(postgres));
        modelBuilder.ApplyConfiguration(new ApiUsageMapping(postgres));
        modelBuilder.ApplyConfiguration(new AuditLogEntryMapping(postgres));
        modelBuilder.ApplyConfiguration(new DataRetentionPolicyMapping(postgres));
        modelBuilder.ApplyConfiguration(new BackupConfigMapping(postgres));
        modelBuilder.ApplyConfiguration(new RecoveryLogEntryMapping(postgres));
        modelBuilder.ApplyConfiguration(new StrategyConfigDocumentMapping(postgres));
        modelBuilder.ApplyConfiguration(new SystemLogEntryMapping(postgres));
        modelBuilder.ApplyConfiguration(new AnalyticsDocumentMapping(postgres));
        modelBuilder.ApplyConfiguration(new SchemaMigrationMapping(postgres));
        modelBuilder.ApplyConfiguration(new CacheEpochMapping(postgres));
        modelBuilder.ApplyConfiguration(new OrderClientIdMapping(postgres));
    }
}
