namespace Signups.IntegrationTests.Infrastructure;

/// <summary>What the Producer answered with 202: Kafka stored this event.</summary>
internal sealed record AcceptedSignup(Guid EventId, Guid UserId);
