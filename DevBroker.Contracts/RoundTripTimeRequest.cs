namespace Signups.DevBroker.Contracts;

/// <summary>The body of <c>POST /brokers/{id}/rtt</c>.</summary>
/// <param name="Milliseconds">Delay to add to each response; 0 removes it.</param>
public sealed record RoundTripTimeRequest(int Milliseconds);
