namespace Signups.StreamWorker.WelcomeEmails;

/// <summary>
/// The welcome_emails outbox, seen by dispatchers: claim unsent emails (so replicas do not send the same one),
/// mark them sent, or release them after a failure. A claim older than the claim timeout (its dispatcher died)
/// may be taken again: after a crash only unmarked emails are sent again, with the same Message-ID.
/// </summary>
internal interface IWelcomeEmailOutbox
{
    /// <summary>Up to <paramref name="limit"/> unsent emails, oldest first, now claimed by <paramref name="dispatcher"/>.</summary>
    Task<IReadOnlyList<WelcomeEmail>> ClaimAsync(string dispatcher, int limit, TimeSpan claimTimeout, CancellationToken cancellationToken);

    Task MarkSentAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    Task ReleaseAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);
}
