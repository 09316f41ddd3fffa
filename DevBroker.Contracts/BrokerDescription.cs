namespace Signups.DevBroker.Contracts;

/// <summary>One broker of the dev cluster.</summary>
/// <param name="Id">Broker id, from 1.</param>
/// <param name="Up">False after it was set down.</param>
/// <param name="RoundTripTimeMs">Delay added to each of its responses.</param>
public sealed record BrokerDescription(int Id, bool Up, int RoundTripTimeMs);
