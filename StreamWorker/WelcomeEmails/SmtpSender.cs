using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Signups.StreamWorker.WelcomeEmails;

/// <summary>
/// Sends over SMTP to the server of <c>ConnectionStrings:smtp</c> (<c>Endpoint=smtp://host:port</c>, as Aspire's
/// MailPit and MailDev resources give it; <c>smtps://</c> for TLS).
/// </summary>
internal sealed class SmtpSender(SmtpEndpoint endpoint, IOptions<WelcomeEmailOptions> options) : IWelcomeEmailSender
{
    private readonly MailAddress _from = new(options.Value.From);

    public string Destination => endpoint.ToString();

    public async Task SendAsync(WelcomeEmail email, CancellationToken cancellationToken)
    {
        using var message = new MailMessage
        {
            From = _from,
            Subject = email.Subject,
            Body = email.Body,
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
        };
        message.To.Add(new MailAddress(email.ToAddress, email.ToName));
        message.Headers["Message-ID"] = email.MessageId;
        message.Headers["X-Signups-Event-Id"] = email.EventId.ToString();
        using var client = new SmtpClient(endpoint.Host, endpoint.Port) { EnableSsl = endpoint.UseTls };
        await client.SendMailAsync(message, cancellationToken);
    }
}
