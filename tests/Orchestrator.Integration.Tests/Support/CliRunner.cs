using System.Diagnostics;

namespace Orchestrator.Integration.Tests.Support;

/// <summary>Runs the real <c>orchestrator</c> CLI as a child process and captures its output and exit code.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static Task<Result> RunAsync(params string[] arguments) => RunWithInputAsync(null, arguments);

    /// <summary>Runs the CLI with <paramref name="input"/> written to its standard input.</summary>
    public static Task<Result> RunWithInputAsync(string? input, params string[] arguments) => RunAsync(input, null, arguments);

    /// <summary>Runs the CLI with these environment variables set on top of the test's own.</summary>
    public static Task<Result> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunAsync(null, environment, arguments);

    private static async Task<Result> RunAsync(string? input, IReadOnlyDictionary<string, string>? environment, string[] arguments)
    {
        var info = StartInfo(arguments);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        info.RedirectStandardInput = true;
        using var process = Process.Start(info)!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts a long-running command (serve); the caller stops it.</summary>
    public static Process Start(params string[] arguments) => Process.Start(StartInfo(arguments))!;

    private static ProcessStartInfo StartInfo(string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.ArgumentList.Add(RepositoryPaths.CliAssembly);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The child must see only the settings the test passes, not the developer's environment.
        info.Environment.Remove("Database__Provider");
        info.Environment.Remove("ConnectionStrings__Orchestrator");
        return info;
    }
}
