using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Orchestrator.Integration.Tests.Support;

/// <summary>
/// <c>orchestrator serve</c> as a real child process on a free loopback port, so a test can SIGKILL it (no
/// graceful shutdown, no flush) and start another on the same database.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int KeptLines = 200;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        // Drained continuously: a child blocked on a full stdout pipe would stall the very requests under test.
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the server wrote (stdout and stderr), for a failure message.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    /// <summary><c>serve --no-demo</c>: the test's data only (no synthetic universe, demo user or replay trading beside it).</summary>
    public static Task<ServerProcess> StartAsync(TestDatabase db, params string[] switches) => StartAsync(db, demo: false, switches);

    /// <summary><c>serve</c> as a user runs it, demo included (its banner, password and all, is in <see cref="RecentOutput"/>).</summary>
    public static Task<ServerProcess> StartWithDemoAsync(TestDatabase db, params string[] switches) => StartAsync(db, demo: true, switches);

    private static async Task<ServerProcess> StartAsync(TestDatabase db, bool demo, string[] switches)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var process = CliRunner.Start(["serve", $"--urls={baseAddress.ToString().TrimEnd('/')}", .. db.Switches, "--Logging:LogLevel:Default=Warning",
            .. demo ? Array.Empty<string>() : ["--no-demo"], .. switches]);
        var server = new ServerProcess(process, baseAddress);
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>A client with no connection limit and a generous timeout (the server may be under heavy load).</summary>
    public HttpClient Client() => new(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(120) };

    /// <summary>SIGKILL, the whole tree: the process gets no chance to drain, flush or commit anything.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public Task WaitForExitAsync() => _process.WaitForExitAsync();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"serve exited with {_process.ExitCode}:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync("/health");
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException($"serve did not start listening within 90 s:{Environment.NewLine}{RecentOutput}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
