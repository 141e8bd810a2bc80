namespace Orchestrator.Integration.Tests.Support;

/// <summary>
/// Which external services the tests may use. A test that needs a service whose setting is absent is
/// reported skipped, never passed; under CI (<c>CI</c> set) a missing service fails it instead, as in
/// Npgsql's own test suite.
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "ORCHESTRATOR_TEST_POSTGRES";

    public const string RedisVariable = "ORCHESTRATOR_TEST_REDIS";

    public static string? PostgresConnectionString => Value(PostgresVariable);

    public static bool IsCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Skips (or, under CI, fails) the calling test when <paramref name="variable"/> is not set.</summary>
    public static string Require(string variable, string service)
    {
        var value = Value(variable);
        if (value is not null)
        {
            return value;
        }

        var reason = $"{service} tests need {variable} (scripts/services.sh prints it)";
        if (IsCi)
        {
            Assert.Fail($"CI is set but {reason}.");
        }

        Assert.Skip(reason);
        return null!;
    }

    /// <summary>The system Chromium the browser tests drive (Playwright never downloads one here).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Skips (or, under CI, fails) the calling test when <see cref="ChromiumPath"/> is missing (scripts/services.sh installs it).</summary>
    public static string RequireChromium()
    {
        if (File.Exists(ChromiumPath))
        {
            return ChromiumPath;
        }

        var reason = $"browser tests need Chromium at {ChromiumPath} (scripts/services.sh installs the chromium package)";
        if (IsCi)
        {
            Assert.Fail($"CI is set but {reason}.");
        }

        Assert.Skip(reason);
        return null!;
    }

    private static string? Value(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;
}
