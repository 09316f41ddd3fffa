namespace Signups.Benchmarks.RawProduce;

/// <summary>What the raw produce loop did; written as JSON for the scenario that launched it.</summary>
internal sealed record RawProduceResult(long Sent, long Acknowledged, long Failed, double Seconds, double AcknowledgedPerSecond, int MessageBytes);
