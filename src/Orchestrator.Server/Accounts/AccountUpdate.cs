using System.Text.Json;
using Orchestrator.Server.Security;
using Orchestrator.Server.Validation;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Accounts;

/// <summary>
/// <c>PATCH /api/v1/accounts/{id}</c>: only the members named here are read, so a body can never change the
/// owner, broker or connection state. Nothing is applied when any member is invalid.
/// </summary>
public static class AccountUpdate
{
    public static ValidationErrors Apply(JsonElement body, UserBrokerAccount account, CredentialProtector protector)
    {
        var errors = new ValidationErrors();
        if (body.ValueKind != JsonValueKind.Object)
        {
            return errors.Add("body", "must be a JSON object.");
        }

        var name = Read(body, "accountName", errors, e => e.ValueKind == JsonValueKind.String ? e.GetString() : null, account.AccountName);
        var maxPosition = Read(body, "maxPositionSize", errors, e => e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out var d) ? d : (decimal?)null, account.MaxPositionSize);
        var maxVolume = Read(body, "maxDailyVolume", errors, e => e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out var d) ? d : (decimal?)null, account.MaxDailyVolume);
        var symbols = Read(body, "allowedSymbols", errors, e => e.ValueKind == JsonValueKind.Array && e.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String)
            ? e.EnumerateArray().Select(x => x.GetString()!).ToArray() : null, account.AllowedSymbols);
        errors.Check(name is null || FieldRules.IsName(name), "accountName", "must be at most 100 characters.");
        AccountLimitRules.Check(errors, maxPosition, maxVolume, symbols);
        var credentials = body.TryGetProperty("credentials", out var c) ? c : (JsonElement?)null;
        errors.Check(credentials is null || credentials.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null, "credentials", "must be a JSON object, or null to remove them.");
        if (errors.Any)
        {
            return errors;
        }

        account.AccountName = name?.Trim();
        account.MaxPositionSize = maxPosition;
        account.MaxDailyVolume = maxVolume;
        account.AllowedSymbols = AccountLimitRules.NormalizeSymbols(symbols);
        if (credentials is { } value)
        {
            account.EncryptedCredentials = value.ValueKind == JsonValueKind.Null ? null : protector.Protect(account.AccountId, value.GetRawText());
        }

        return errors;
    }

    /// <summary>The member's new value (null when it is JSON null), or the current one when absent; a wrong type is an error.</summary>
    private static T? Read<T>(JsonElement body, string name, ValidationErrors errors, Func<JsonElement, T?> parse, T? current)
    {
        if (!body.TryGetProperty(name, out var element))
        {
            return current;
        }

        if (element.ValueKind == JsonValueKind.Null)
        {
            return default;
        }

        var value = parse(element);
        if (value is null)
        {
            errors.Add(name, "has the wrong type.");
        }

        return value;
    }
}
