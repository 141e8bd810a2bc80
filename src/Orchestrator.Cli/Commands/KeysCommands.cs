using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Accounts;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Security;
using Spectre.Console;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orchestrator keys generate|rotate</c>: the AES-256 keys that encrypt broker credentials.</summary>
public static class KeysCommands
{
    public static Command Create()
    {
        var keys = new Command("keys", "The keys that encrypt broker credentials at rest");
        keys.Subcommands.Add(Generate());
        keys.Subcommands.Add(Rotate());
        return keys;
    }

    private static Command Generate()
    {
        var command = new Command("generate", "Print a new random key (base64) for BrokerCredentials:Keys:<id>");
        command.SetAction(_ =>
        {
            Console.WriteLine(CredentialKeyRing.NewKeyBase64());
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Rotate()
    {
        var command = new Command("rotate",
            "Re-encrypt every account's credentials under the active key. With the key file (the default), a new key is added and made active " +
            "first; with keys in configuration, add the new key under BrokerCredentials:Keys and set BrokerCredentials:ActiveKeyId, then rotate.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => CommandErrors.RunAsync(async () =>
        {
            await using var services = await CliServices.CreateAsync(parse.UnmatchedTokens, ct);
            var ring = services.GetRequiredService<CredentialKeyRing>();
            if (ring.KeyFile is not null)
            {
                Console.Error.WriteLine($"Added key {ring.AddKeyToFile()} to {ring.KeyFile} and made it active.");
            }

            await using var scope = services.CreateAsyncScope();
            var rotation = scope.ServiceProvider.GetRequiredService<CredentialRotation>();
            CredentialRotation.Result? result = null;
            await CliProgress.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Re-encrypting broker credentials", maxValue: 1);
                result = await rotation.RotateAsync(Actor.CommandLine("keys rotate"), new Progress<(int Done, int Total)>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                }), ct);
                task.Value = task.MaxValue;
            });
            Console.WriteLine($"{result!.Reencrypted} of {result.WithCredentials} accounts with credentials re-encrypted under key {ring.ActiveKeyId}.");
            return ExitCodes.Success;
        }));
        return command;
    }
}
