using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Trading;

/// <summary>Keeps the symbol directory in step with <c>market_symbols</c>, checking every 5 seconds (one small query).</summary>
public sealed class SymbolDirectoryRefresher(ConnectionFactory connections, SymbolDirectory symbols, ILogger<SymbolDirectoryRefresher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var db = OrchestratorDbContext.Create(connections);
                await symbols.RefreshAsync(db, stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                log.LogDebug("Symbol directory not refreshed: {Reason}", error.Message);
            }
        }
    }
}
