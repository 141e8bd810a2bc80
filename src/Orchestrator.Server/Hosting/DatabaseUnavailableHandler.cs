using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Server.Hosting;

/// <summary>
/// A request that cannot reach the database is told so with a 503 problem (retry later), not a generic 500;
/// the cause goes to the log only.
/// </summary>
internal sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        if (exception is Trading.TradingNotReadyException notReady)
        {
            // Our own message, written for the client: trading is starting, or runs in another process on the database.
            logger.LogWarning("Trading unavailable while serving {Path}: {Reason}", httpContext.Request.Path, notReady.Message);
            return await WriteAsync(httpContext, exception, "Trading unavailable", notReady.Message, "trading-unavailable");
        }

        logger.LogError(exception, "Database unavailable while serving {Path}", httpContext.Request.Path);
        return await WriteAsync(httpContext, exception, "Database unavailable", "The database cannot be reached; try again shortly.", "database-unavailable");
    }

    private ValueTask<bool> WriteAsync(HttpContext httpContext, Exception exception, string title, string detail, string type) =>
        problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = title,
                Detail = detail,
                Type = ProblemDetailsSetup.TypeBase + type,
            },
        });

    /// <summary>
    /// Our own connection failures, and the driver's when EF Core opened the connection: PostgreSQL marks
    /// connection-level failures transient; SQLite says it cannot open the file (SQLITE_CANTOPEN, 14).
    /// </summary>
    private static bool IsUnavailable(Exception exception) => exception switch
    {
        DatabaseUnavailableException => true,
        // The account writer could not commit: the request changed nothing and can be retried.
        Trading.AccountWriterUnavailableException => true,
        Trading.TradingNotReadyException => true,
        Npgsql.NpgsqlException { IsTransient: true } => true,
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 14 } => true,
        Microsoft.EntityFrameworkCore.DbUpdateException { InnerException: { } inner } => IsUnavailable(inner),
        // EF Core wraps a transient failure of the connection it opened ("likely due to a transient failure").
        InvalidOperationException { InnerException: { } inner } => IsUnavailable(inner),
        _ => false,
    };
}
