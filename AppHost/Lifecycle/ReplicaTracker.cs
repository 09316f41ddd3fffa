using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;

namespace Signups.AppHost.Lifecycle;

/// <summary>The latest snapshot of every replica (DCP instance) of every resource, from Aspire's notifications.</summary>
internal sealed class ReplicaTracker(ResourceNotificationService notifications) : BackgroundService
{
    private readonly ConcurrentDictionary<string, ResourceEvent> _replicas = new(StringComparer.Ordinal);

    /// <summary>The replicas of <paramref name="resource"/> seen so far, by resource id.</summary>
    public IReadOnlyList<ResourceEvent> ReplicasOf(IResource resource) =>
        [.. _replicas.Values.Where(e => e.Resource == resource).OrderBy(e => e.ResourceId, StringComparer.Ordinal)];

    /// <summary>The latest snapshot of the replica <paramref name="resourceId"/>.</summary>
    public ResourceEvent? Replica(string resourceId) => _replicas.GetValueOrDefault(resourceId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in notifications.WatchAsync(stoppingToken))
            {
                _replicas[change.ResourceId] = change;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
