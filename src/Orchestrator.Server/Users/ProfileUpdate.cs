using System.Text.Json;
using Orchestrator.Server.Validation;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Users;

/// <summary>
/// <c>PATCH /api/v1/me</c>: a JSON object whose present members change the profile. Only the members named
/// here are read: anything else in the body (<c>isVerified</c>, <c>userId</c>, <c>email</c>,
/// <c>passwordHash</c>, ...) is ignored, so a body can never assign what the user may not change.
/// <c>null</c> clears an optional field.
/// </summary>
public static class ProfileUpdate
{
    public static ValidationErrors Apply(JsonElement body, User user, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (body.ValueKind != JsonValueKind.Object)
        {
            return errors.Add("body", "must be a JSON object.");
        }

        Text(body, "firstName", errors, required: true, FieldRules.IsName, "is required, at most 100 characters.", v => user.FirstName = v!.Trim());
        Text(body, "lastName", errors, required: true, FieldRules.IsName, "is required, at most 100 characters.", v => user.LastName = v!.Trim());
        Text(body, "phone", errors, required: false, FieldRules.IsPhone, "must be 5 to 20 digits, spaces or dashes, optionally starting with +.", v => user.Phone = v);
        Text(body, "countryCode", errors, required: false, FieldRules.IsCountry, "must be an ISO 3166 code of 2 or 3 upper-case letters.", v => user.CountryCode = v);
        Text(body, "timezone", errors, required: false, FieldRules.IsTimezone, "must be an IANA time zone such as America/New_York.", v => user.Timezone = v);
        Text(body, "preferredCurrency", errors, required: false, FieldRules.IsCurrency, "must be an ISO 4217 code of 3 upper-case letters.", v => user.PreferredCurrency = v);
        Text(body, "riskTolerance", errors, required: false, FieldRules.IsRiskTolerance, "must be one of CONSERVATIVE, MODERATE, AGGRESSIVE.", v => user.RiskTolerance = v);

        if (body.TryGetProperty("dateOfBirth", out var birth))
        {
            DateOnly? value = birth.ValueKind == JsonValueKind.Null ? null
                : birth.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(birth.GetString(), "yyyy-MM-dd", out var d) ? d : DateOnly.MinValue;
            if (value == DateOnly.MinValue || !FieldRules.IsBirthDate(value, today))
            {
                errors.Add("dateOfBirth", "must be a past date written YYYY-MM-DD, or null.");
            }
            else
            {
                user.DateOfBirth = value;
            }
        }

        if (body.TryGetProperty("maxDailyLoss", out var loss))
        {
            if (loss.ValueKind == JsonValueKind.Number && loss.TryGetDecimal(out var amount) && FieldRules.IsMaxDailyLoss(amount))
            {
                user.MaxDailyLoss = amount;
            }
            else
            {
                errors.Add("maxDailyLoss", "must be a positive number.");
            }
        }

        return errors;
    }

    private static void Text(JsonElement body, string name, ValidationErrors errors, bool required, Func<string?, bool> valid, string message, Action<string?> set)
    {
        if (!body.TryGetProperty(name, out var element))
        {
            return;
        }

        string? value = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Null => null,
            _ => "\0invalid",
        };
        if (value == "\0invalid" || (required && value is null) || !valid(value))
        {
            errors.Add(name, required ? message : message + " Or null.");
            return;
        }

        set(value);
    }
}
