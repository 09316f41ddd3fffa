namespace Signups.StreamWorker.WelcomeEmails;

/// <summary>Delivers a welcome email: to the pickup directory by default, over SMTP with <c>ConnectionStrings:smtp</c>.</summary>
internal interface IWelcomeEmailSender
{
    /// <summary>A name for logs: where emails go.</summary>
    string Destination { get; }

    Task SendAsync(WelcomeEmail email, CancellationToken cancellationToken);
}
