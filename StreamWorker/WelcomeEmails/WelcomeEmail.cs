namespace Signups.StreamWorker.WelcomeEmails;

/// <summary>An email from the outbox, claimed for sending.</summary>
/// <param name="Id">Outbox row id.</param>
/// <param name="EventId">The signup event it answers; its Message-ID is derived from it, so a resend is recognisable.</param>
/// <param name="ToAddress">Recipient address.</param>
/// <param name="ToName">Recipient name.</param>
/// <param name="Subject">Subject line.</param>
/// <param name="Body">Plain-text body.</param>
/// <param name="CreatedAt">When it was queued (the Date header).</param>
/// <param name="TraceParent">The signup's trace context, to continue the trace when sending.</param>
internal sealed record WelcomeEmail(long Id, Guid EventId, string ToAddress, string ToName, string Subject, string Body, DateTimeOffset CreatedAt, string? TraceParent)
{
    /// <summary>The RFC 5322 Message-ID, the same for every attempt.</summary>
    public string MessageId => $"<{EventId}@signups.local>";
}
