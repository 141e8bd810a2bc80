using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Users;
using Orchestrator.Storage.Model;
using Spectre.Console;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orchestrator users create|list|disable|verify-link</c>.</summary>
public static class UsersCommands
{
    public static Command Create()
    {
        var users = new Command("users", "User accounts");
        users.Subcommands.Add(CreateUser());
        users.Subcommands.Add(List());
        users.Subcommands.Add(Disable());
        users.Subcommands.Add(VerifyLink());
        return users;
    }

    private static Command CreateUser()
    {
        var email = new Option<string>("--email") { Description = "The user's email (their login)", Required = true };
        var first = new Option<string>("--first-name") { Description = "First name", Required = true };
        var last = new Option<string>("--last-name") { Description = "Last name", Required = true };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input (otherwise prompted for)" };
        var risk = new Option<string?>("--risk-tolerance") { Description = "CONSERVATIVE, MODERATE or AGGRESSIVE" };
        var command = new Command("create", "Create a user (the password is read from stdin or prompted for, never an argument)")
        {
            email, first, last, passwordStdin, risk,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => CommandErrors.RunAsync(async () =>
        {
            if (!parse.GetValue(passwordStdin) && !CanPrompt())
            {
                return CommandErrors.Fail(ExitCodes.BadInput, "password: a password is needed and there is no terminal to prompt for it; pipe it in with --password-stdin");
            }

            var password = parse.GetValue(passwordStdin)
                ? Console.In.ReadLine() ?? ""
                : AnsiConsole.Prompt(new TextPrompt<string>("Password:").Secret());
            await using var services = await CliServices.CreateAsync(parse.UnmatchedTokens, ct);
            await using var scope = services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<Registration>().RegisterAsync(
                new RegisterRequest(parse.GetValue(email), password, parse.GetValue(first), parse.GetValue(last), RiskTolerance: parse.GetValue(risk)),
                Actor.CommandLine("users create"), ct);
            if (outcome.Errors is { } errors)
            {
                return FieldErrors.Fail(parse, errors);
            }

            if (outcome.EmailTaken)
            {
                return CommandErrors.Fail(ExitCodes.BadInput, "--email: a user with this email already exists.");
            }

            Console.WriteLine($"Created user {outcome.User!.UserId} ({outcome.User.Email}).");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>
    /// Whether a secret prompt can be shown: with stdin redirected (a pipe, /dev/null, a CI job) Spectre's prompt
    /// throws instead of reading, so the caller is told to use --password-stdin before anything is touched.
    /// </summary>
    private static bool CanPrompt() => !Console.IsInputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    private static Command List()
    {
        var command = new Command("list", "List users") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction((parse, ct) => CommandErrors.RunAsync(async () =>
        {
            await using var services = await CliServices.CreateAsync(parse.UnmatchedTokens, ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
            var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
            var table = new Table().AddColumns("User id", "Email", "Name", "Verified", "State", "Created (UTC)", "Last login (UTC)");
            foreach (var user in users)
            {
                var state = user.DeletedAt is not null ? "deleted" : user.IsActive == false ? "disabled" : "active";
                table.AddRow(user.UserId.ToString(), Markup.Escape(user.Email), Markup.Escape($"{user.FirstName} {user.LastName}"),
                    user.IsVerified == true ? "yes" : "no", state, CliFormat.Time(user.CreatedAt), CliFormat.Time(user.LastLogin));
            }

            AnsiConsole.Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Disable()
    {
        var email = new Argument<string>("email") { Description = "The user's email" };
        var command = new Command("disable", "Disable a user: every session and API key stops working at once") { email };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => CommandErrors.RunAsync(async () =>
        {
            await using var services = await CliServices.CreateAsync(parse.UnmatchedTokens, ct);
            await using var scope = services.CreateAsyncScope();
            var address = Registration.NormalizeEmail(parse.GetValue(email)!);
            var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
            var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == address && u.DeletedAt == null, ct);
            if (user is null || !await scope.ServiceProvider.GetRequiredService<AccountLifecycle>().DisableAsync(user.UserId, Actor.CommandLine("users disable"), ct))
            {
                return CommandErrors.Fail(ExitCodes.BadInput, $"EMAIL: no user '{address}'.");
            }

            Console.WriteLine($"Disabled {address}.");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command VerifyLink()
    {
        var email = new Argument<string>("email") { Description = "The user's email" };
        var command = new Command("verify-link", "Print a fresh email-verification link (for when no mail server is configured)") { email };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => CommandErrors.RunAsync(async () =>
        {
            await using var services = await CliServices.CreateAsync(parse.UnmatchedTokens, ct);
            await using var scope = services.CreateAsyncScope();
            var link = await scope.ServiceProvider.GetRequiredService<EmailVerification>().NewLinkAsync(parse.GetValue(email)!, Actor.CommandLine("users verify-link"), ct);
            if (link is null)
            {
                return CommandErrors.Fail(ExitCodes.BadInput, $"EMAIL: no unverified user '{parse.GetValue(email)}'.");
            }

            Console.WriteLine(link);
            return ExitCodes.Success;
        }));
        return command;
    }
}
