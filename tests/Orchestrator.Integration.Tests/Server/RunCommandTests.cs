using System.Collections.Concurrent;
using System.Diagnostics;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Integration.Tests.Server;

/// <summary><c>orchestrator run</c>, the headless runner, as a real process: what it prints, no HTTP listener, exit 0 on Ctrl+C.</summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_prints_the_strategies_it_runs_listens_nowhere_and_exits_0_on_ctrl_c()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var process = CliRunner.Start(["run", .. db.Switches]);
        var output = new ConcurrentQueue<string>();
        var stdout = new ConcurrentQueue<string>();
        var stderr = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            output.Enqueue(e.Data ?? "");
            stdout.Enqueue(e.Data ?? "");
        };
        process.ErrorDataReceived += (_, e) =>
        {
            output.Enqueue(e.Data ?? "");
            stderr.Enqueue(e.Data ?? "");
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (!output.Any(l => l.Contains("Running 1 strategy", StringComparison.Ordinal)))
            {
                Assert.False(process.HasExited, string.Join(Environment.NewLine, output));
                Assert.True(DateTime.UtcNow < deadline, string.Join(Environment.NewLine, output));
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }

            await Task.Delay(500, TestContext.Current.CancellationToken);
            // The demo (a fresh database): its strategy, running on its three symbols.
            Assert.Contains(output, l => l.Contains("Demo MA crossover 5/20", StringComparison.Ordinal) && l.Contains("RUNNING on SYN001,SYN002,SYN003", StringComparison.Ordinal));
            Assert.DoesNotContain(output, l => l.Contains("Now listening", StringComparison.Ordinal));
            // Stdout is what run prints for the user (the demo banner, the strategies); migrations and logs go to stderr.
            Assert.Contains(stdout, l => l.Contains("demo@orchestrator.local", StringComparison.Ordinal));
            Assert.DoesNotContain(stdout, l => l.StartsWith("Applying ", StringComparison.Ordinal) || l.StartsWith("info:", StringComparison.Ordinal));
            Assert.Contains(stderr, l => l.StartsWith("Applying ", StringComparison.Ordinal));
            Assert.Contains(stderr, l => l.StartsWith("info:", StringComparison.Ordinal));

            using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, string.Join(Environment.NewLine, output));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
