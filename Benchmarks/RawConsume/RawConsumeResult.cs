namespace Signups.Benchmarks.RawConsume;

/// <summary>What the plain consume loop measured.</summary>
/// <param name="Consumed">Messages read.</param>
/// <param name="Seconds">From the first message to the last.</param>
/// <param name="ConsumedPerSecond">Messages per second over that span.</param>
internal sealed record RawConsumeResult(long Consumed, double Seconds, double ConsumedPerSecond);
