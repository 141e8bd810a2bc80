namespace Orchestrator.Integration.Tests.Support;

/// <summary>Finds files of the checkout from the test binary's folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The seed schema document. The shared copy beside the checkout (../shared/spec) is the original; the
    /// repository carries a verbatim copy under docs/spec so a lone clone can run the tests
    /// (<c>SeedSpecTests</c> checks the two are identical whenever both exist).
    /// </summary>
    public static string SeedSchema => SharedSeedSchema is { } shared && File.Exists(shared) ? shared : VendoredSeedSchema;

    public static string VendoredSeedSchema => Path.Combine(Root, "docs", "spec", "database-schema.md");

    public static string? SharedSeedSchema
    {
        get
        {
            var parent = Directory.GetParent(Root)?.FullName;
            return parent is null ? null : Path.Combine(parent, "shared", "spec", "database-schema.md");
        }
    }

    /// <summary>orchestrator.dll, copied beside the tests by the project reference.</summary>
    public static string CliAssembly => Path.Combine(AppContext.BaseDirectory, "orchestrator.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DayTradingOrchestrator.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (DayTradingOrchestrator.slnx) above " + AppContext.BaseDirectory);
    }
}
