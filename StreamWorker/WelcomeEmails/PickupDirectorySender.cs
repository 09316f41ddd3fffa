using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace Signups.StreamWorker.WelcomeEmails;

/// <summary>
/// Writes each email as <c>{event_id}.eml</c> into the pickup directory, the way IIS and Exchange take mail.
/// The file appears whole (written aside, then renamed), and a resend after a crash rewrites the same file.
/// </summary>
internal sealed class PickupDirectorySender(IOptions<WelcomeEmailOptions> options) : IWelcomeEmailSender
{
    private readonly string _directory = Path.GetFullPath(options.Value.PickupDirectory);
    private readonly MailAddress _from = new(options.Value.From);

    public string Destination => _directory;

    public async Task SendAsync(WelcomeEmail email, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, $"{email.EventId}.eml");
        var partial = path + ".partial";
        await File.WriteAllTextAsync(partial, EmlFormatter.Format(email, _from), new UTF8Encoding(false), cancellationToken);
        File.Move(partial, path, overwrite: true);
    }
}
