using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Signups.Consuming;

/// <summary>
/// Ready when the consumer has joined its group: with partitions, or legitimately idle (the group has more
/// members than partitions). Degraded when fetching has been paused for long because the store is behind.
/// </summary>
internal sealed class ConsumerHealthCheck(ConsumerState state) : IHealthCheck
{
    private static readonly TimeSpan LongPause = TimeSpan.FromSeconds(30);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var assignment = state.Assignment;
        var result = state.Stopping ? HealthCheckResult.Unhealthy("Stopping: draining and leaving the group.")
            : !state.Joined ? HealthCheckResult.Unhealthy($"Joining consumer group {state.GroupId}.")
            : state.PausedSince is { } since && DateTimeOffset.UtcNow - since > LongPause
                ? HealthCheckResult.Degraded($"Fetching paused for {(DateTimeOffset.UtcNow - since).TotalSeconds:0} s: the store is behind.")
            : assignment.Count == 0 ? HealthCheckResult.Healthy($"Idle member of {state.GroupId}: the group has more members than partitions.")
            : HealthCheckResult.Healthy($"Consuming {assignment.Count} partition(s) in {state.GroupId}: {string.Join(",", assignment.Select(p => p.Partition.Value))}.");
        return Task.FromResult(result);
    }
}
