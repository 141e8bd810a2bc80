using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.ApiKeys;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Auth;
using Orchestrator.Storage.Model;
using Spectre.Console;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orchestrator api-keys create|list|revoke</c>, for a user named by email.</summary>
public static class ApiKeysCommands
{
    public static Command Create()
    {
        var keys = new Command("api-keys", "A user's API keys");
        keys.Subcommands.Add(CreateKey());
        keys.Subcommands.Add(List());
        keys.Subcommands.Add(Revoke());
        return keys;
    }

    private static Option<string> EmailOption() => new("--email") { Description = "The user's email", Required = true };

    private static Command CreateKey()
    {
        var email = EmailOption();
        var name = new Option<string>("--name") { Description = "A name for the key, unique for the user", Required = true };
        var write = new Option<bool>("--write") { Description = "Allow writes (can_write)" };
        var trade = new Option<bool>("--trade") { Description = "Allow trading (can_trade)" };
        var noRead = new Option<bool>("--no-read") { Description = "Refuse reads (can_read = false)" };
        var rate = new Option<int?>("--rate-limit") { Description = "Requests per hour (default 1000)" };
        var ips = new Option<string[]>("--allowed-ip") { Description = "Allowed client IP or CIDR range (repeatable)" };
        var endpoints = new Option<string[]>("--allowed-endpoint") { Description = "Allowed endpoint pattern, e.g. 'GET /api/v1/me' (repeatable)" };
        var expires = new Option<DateTimeOffset?>("--expires-at") { Description = "When the key stops working (ISO 8601)" };
        var command = new Command("create", "Create an API key; the key is printed once") { email, name, write, trade, noRead, rate, ips, endpoints, expires };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => ForUserAsync(parse, email, ct, async (services, userId) =>
        {

            var request = new CreateApiKeyRequest(parse.GetValue(name), !parse.GetValue(noRead), parse.GetValue(write), parse.GetValue(trade),
                parse.GetValue(rate), NullIfEmpty(parse.GetValue(ips)), NullIfEmpty(parse.GetValue(endpoints)), parse.GetValue(expires));
            var outcome = await services.GetRequiredService<ApiKeyService>().CreateAsync(userId, request, Actor.CommandLine("api-keys create") with { UserId = userId }, ct);
            if (outcome.Errors is { } errors)
            {
                return FieldErrors.Fail(parse, errors);
            }

            if (outcome.NameTaken)
            {
                return CommandErrors.Fail(ExitCodes.BadInput, "--name: this user already has a key with this name.");
            }

            Console.WriteLine($"API key {outcome.Key!.ApiKeyId} ({outcome.Key.Prefix}) created. It is shown this once:");
            Console.WriteLine(outcome.Key.Key);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command List()
    {
        var email = EmailOption();
        var command = new Command("list", "List a user's API keys") { email };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => ForUserAsync(parse, email, ct, async (services, userId) =>
        {

            var table = new Table().AddColumns("Key id", "Name", "Prefix", "Permissions", "Per hour", "State", "Expires (UTC)", "Last used (UTC)");
            foreach (var key in await services.GetRequiredService<ApiKeyService>().ListAsync(userId, ct))
            {
                var permissions = string.Join(",", new[] { key.CanRead ? "read" : null, key.CanWrite ? "write" : null, key.CanTrade ? "trade" : null }.OfType<string>());
                table.AddRow(key.ApiKeyId.ToString(), Markup.Escape(key.Name), key.Prefix, permissions, key.RateLimitPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    key.IsActive ? "active" : "revoked", CliFormat.Time(key.ExpiresAt), CliFormat.Time(key.LastUsedAt));
            }

            AnsiConsole.Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Revoke()
    {
        var email = EmailOption();
        var id = new Argument<Guid>("key-id") { Description = "The key's id (from api-keys list)" };
        var command = new Command("revoke", "Revoke an API key at once") { email, id };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => ForUserAsync(parse, email, ct, async (services, userId) =>
        {
            if (!await services.GetRequiredService<ApiKeyService>().RevokeAsync(userId, parse.GetValue(id), Actor.CommandLine("api-keys revoke") with { UserId = userId }, ct))
            {
                return CommandErrors.Fail(ExitCodes.BadInput, $"key-id: user '{parse.GetValue(email)}' has no key {parse.GetValue(id)}.");
            }

            Console.WriteLine($"Revoked {parse.GetValue(id)}.");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Runs <paramref name="action"/> for the user named by <c>--email</c>, or exits 2 naming the field.</summary>
    private static Task<int> ForUserAsync(ParseResult parse, Option<string> email, CancellationToken ct, Func<IServiceProvider, Guid, Task<int>> action) =>
        CommandErrors.RunAsync(async () =>
        {
            await using var services = await CliServices.CreateAsync(parse.UnmatchedTokens, ct);
            await using var scope = services.CreateAsyncScope();
            return await FindUserAsync(scope.ServiceProvider, parse.GetValue(email)!, ct) is { } userId
                ? await action(scope.ServiceProvider, userId)
                : CommandErrors.Fail(ExitCodes.BadInput, $"--email: no user '{parse.GetValue(email)}'.");
        });

    private static async Task<Guid?> FindUserAsync(IServiceProvider services, string email, CancellationToken ct)
    {
        var address = Registration.NormalizeEmail(email);
        return (await services.GetRequiredService<OrchestratorDbContext>().Users.AsNoTracking()
            .SingleOrDefaultAsync(u => u.Email == address && u.DeletedAt == null, ct))?.UserId;
    }

    private static string[]? NullIfEmpty(string[]? values) => values is { Length: > 0 } ? values : null;
}
