namespace Signups.Producer.Load;

/// <summary>The closing figures of a load run (also written as JSON with <c>--summary-json</c>).</summary>
internal sealed record LoadSummary(
    long Sent,
    long Acknowledged,
    long Failed,
    double Seconds,
    double AcknowledgedPerSecond,
    double LatencyP50Ms,
    double LatencyP99Ms,
    int MessageBytes,
    IReadOnlyDictionary<string, long> Failures)
{
    public static LoadSummary From(LoadStatistics statistics, int messageBytes)
    {
        var seconds = statistics.ActiveTime.TotalSeconds;
        return new LoadSummary(
            statistics.Sent,
            statistics.Acknowledged,
            statistics.Failed,
            seconds,
            seconds > 0 ? statistics.Acknowledged / seconds : 0,
            statistics.Latency.Percentile(0.50).TotalMilliseconds,
            statistics.Latency.Percentile(0.99).TotalMilliseconds,
            messageBytes,
            statistics.Failures.ToDictionary());
    }
}
