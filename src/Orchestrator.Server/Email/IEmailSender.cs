using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Server.Email;

/// <summary>Sends the platform's few emails (verification links).</summary>
public interface IEmailSender
{
    /// <summary>True when the message was handed to a mail server.</summary>
    Task<bool> SendAsync(string to, string subject, string body, CancellationToken ct);
}

/// <summary>The <c>Smtp</c> section: <c>Host</c> (required to send at all), <c>Port</c>, <c>Username</c>, <c>Password</c>, <c>From</c>, <c>EnableSsl</c>.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "no-reply@orchestrator.local";

    public bool EnableSsl { get; set; } = true;
}

/// <summary>Sends through the configured SMTP server.</summary>
public sealed class SmtpEmailSender(SmtpOptions options) : IEmailSender
{
    public async Task<bool> SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        using var client = new SmtpClient(options.Host, options.Port) { EnableSsl = options.EnableSsl };
        if (!string.IsNullOrEmpty(options.Username))
        {
            client.Credentials = new NetworkCredential(options.Username, options.Password);
        }

        using var message = new MailMessage(options.From, to, subject, body);
        await client.SendMailAsync(message, ct);
        return true;
    }
}

/// <summary>
/// No mail server configured: nothing is sent, and the log says how to get the link instead
/// (<c>orchestrator users verify-link EMAIL</c>). The link itself is never logged: it is a credential.
/// </summary>
public sealed class UnconfiguredEmailSender(ILogger<UnconfiguredEmailSender> logger) : IEmailSender
{
    public Task<bool> SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        logger.LogInformation("No SMTP server configured (Smtp:Host); email '{Subject}' not sent. Use 'orchestrator users verify-link' to print a verification link.", subject);
        return Task.FromResult(false);
    }
}
