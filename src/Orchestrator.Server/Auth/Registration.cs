using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Risk;
using Orchestrator.Server.Security;
using Orchestrator.Server.Validation;
using Orchestrator.Storage.Model;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Auth;

/// <summary>The body of <c>POST /api/v1/auth/register</c> (and of <c>orchestrator users create</c>).</summary>
public sealed record RegisterRequest(
    string? Email,
    string? Password,
    string? FirstName,
    string? LastName,
    string? Phone = null,
    DateOnly? DateOfBirth = null,
    string? CountryCode = null,
    string? Timezone = null,
    string? PreferredCurrency = null,
    string? RiskTolerance = null,
    decimal? MaxDailyLoss = null);

public sealed record RegisterResponse(Guid UserId);

/// <summary>Creates users: validation naming each bad field, Argon2id hashing, the audit row, the verification email.</summary>
public sealed class Registration(OrchestratorDbContext db, PasswordHasher hasher, AuditTrail audit, EmailVerification verification, TimeProvider time)
{
    public sealed record Outcome(User? User, ValidationErrors? Errors, bool EmailTaken);

    public ValidationErrors Validate(RegisterRequest request)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var errors = new ValidationErrors()
            .Check(FieldRules.IsEmail(request.Email), "email", "must be a valid email address of at most 255 characters.")
            .Check(FieldRules.IsName(request.FirstName), "firstName", "is required, at most 100 characters.")
            .Check(FieldRules.IsName(request.LastName), "lastName", "is required, at most 100 characters.")
            .Check(FieldRules.IsPhone(request.Phone), "phone", "must be 5 to 20 digits, spaces or dashes, optionally starting with +.")
            .Check(FieldRules.IsBirthDate(request.DateOfBirth, today), "dateOfBirth", "must be a past date.")
            .Check(FieldRules.IsCountry(request.CountryCode), "countryCode", "must be an ISO 3166 code of 2 or 3 upper-case letters.")
            .Check(FieldRules.IsTimezone(request.Timezone), "timezone", "must be an IANA time zone such as America/New_York.")
            .Check(FieldRules.IsCurrency(request.PreferredCurrency), "preferredCurrency", "must be an ISO 4217 code of 3 upper-case letters.")
            .Check(FieldRules.IsRiskTolerance(request.RiskTolerance), "riskTolerance", "must be one of CONSERVATIVE, MODERATE, AGGRESSIVE.")
            .Check(FieldRules.IsMaxDailyLoss(request.MaxDailyLoss), "maxDailyLoss", "must be a positive amount.")
            .Check("password", FieldRules.PasswordProblem(request.Password));
        return errors;
    }

    public async Task<Outcome> RegisterAsync(RegisterRequest request, Actor actor, CancellationToken ct)
    {
        var errors = Validate(request);
        if (errors.Any)
        {
            return new Outcome(null, errors, false);
        }

        var email = NormalizeEmail(request.Email!);
        if (await db.Users.AnyAsync(u => u.Email == email, ct))
        {
            return new Outcome(null, null, true);
        }

        var user = new User
        {
            Email = email,
            PasswordHash = hasher.Hash(request.Password!),
            FirstName = request.FirstName!.Trim(),
            LastName = request.LastName!.Trim(),
            Phone = request.Phone,
            DateOfBirth = request.DateOfBirth,
            CountryCode = request.CountryCode,
            Timezone = request.Timezone,
            PreferredCurrency = request.PreferredCurrency,
            RiskTolerance = request.RiskTolerance,
            MaxDailyLoss = request.MaxDailyLoss,
        };
        var entry = db.Users.Add(user);
        db.RiskProfiles.Add(DefaultRiskProfile.For(user, time.GetUtcNow().UtcDateTime));
        var token = verification.Issue(user);
        audit.RecordCreate(db, actor with { UserId = actor.UserId ?? user.UserId }, "USER_REGISTERED", "USER", user.UserId.ToString(), entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another registration of the same email may have won the race between the check and the insert.
            db.ChangeTracker.Clear();
            if (await db.Users.AsNoTracking().AnyAsync(u => u.Email == email, ct))
            {
                return new Outcome(null, null, true);
            }

            throw;
        }

        await verification.SendAsync(user, token, ct);
        return new Outcome(user, null, false);
    }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}
