namespace Signups.Producer.Api;

/// <summary>The answer to an accepted signup: Kafka has stored its event.</summary>
/// <param name="EventId">The event's id.</param>
/// <param name="UserId">The new user's id.</param>
internal sealed record SignupAccepted(Guid EventId, Guid UserId);
