using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Server.Hosting;

/// <summary>
/// Work a server does once at start-up against the database (restore the paper book, seed the templates). It
/// runs at once when the database answers, so the server is ready from its first request; when it does not,
/// the server still starts (health says why) and the work is retried every two seconds until it succeeds.
/// </summary>
public abstract class DatabaseStartupTask(ILogger log) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _retry = Task.CompletedTask;

    /// <summary>What the log calls the work, e.g. "Trading" in "Trading waits: cannot open the Sqlite database (...)".</summary>
    protected abstract string Subject { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            log.LogWarning("{Subject} waits: {Reason}", Subject, error.Message);
            _retry = Task.Run(() => RetryAsync(_stopping.Token), CancellationToken.None);
        }
    }

    /// <summary>May run more than once (a host stopped, then disposed): the token source stays undisposed for that.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await _retry.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The work; it must be safe to run again after a failure.</summary>
    protected abstract Task RunAsync(CancellationToken cancellationToken);

    private async Task RetryAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            try
            {
                await RunAsync(ct);
                log.LogInformation("{Subject} started", Subject);
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                log.LogDebug("{Subject} still waits: {Reason}", Subject, error.Message);
            }
        }
    }
}
