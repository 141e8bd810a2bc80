using Orchestrator.Storage.Model;

namespace Orchestrator.Integration.Tests.Support;

/// <summary>Waits for what an account's writer commits after the request that set it off has answered.</summary>
public static class DbPolling
{
    /// <summary>Runs <paramref name="query"/> against the server's database until it finds something (up to 10 s).</summary>
    public static async Task<T> WaitForAsync<T>(ApiServer server, Func<OrchestratorDbContext, Task<T?>> query)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            await using (var db = server.Db.CreateContext())
            {
                if (await query(db) is { } found)
                {
                    return found;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the writer");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
