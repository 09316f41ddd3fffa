namespace Signups.Benchmarks.Harness;

/// <summary>The fields of <c>Signups.Producer load --summary-json</c> that the benchmark reads.</summary>
internal sealed record LoadSummaryFile(long Sent, long Acknowledged, long Failed, double Seconds, double AcknowledgedPerSecond, double LatencyP50Ms, double LatencyP99Ms, int MessageBytes);
