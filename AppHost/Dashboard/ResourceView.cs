using Signups.AppHost.Hosting;

namespace Signups.AppHost.Dashboard;

/// <summary>A resource as the dashboard shows it.</summary>
/// <param name="Name">Resource name.</param>
/// <param name="Kind"><c>kafka</c>, <c>database</c>, <c>service</c> or <c>job</c>.</param>
/// <param name="State">Its state, summed over its replicas.</param>
/// <param name="Health">Healthy when every replica is; null for resources without a process.</param>
/// <param name="Detail">Its address: bootstrap servers, database file or first endpoint.</param>
/// <param name="Replicas">Its processes.</param>
/// <param name="Actions">What the dashboard may do to it.</param>
/// <param name="WaitsFor">Resources it starts after.</param>
internal sealed record ResourceView(
    string Name,
    string Kind,
    ResourceState State,
    HealthState? Health,
    string? Detail,
    IReadOnlyList<ReplicaSnapshot> Replicas,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> WaitsFor)
{
    public static ResourceView From(Resource resource)
    {
        var replicas = resource.Replicas;
        var kind = resource switch
        {
            DevBrokerResource or ExternalKafkaResource => "kafka",
            SqliteResource => "database",
            ProjectResource { IsJob: true } => "job",
            _ => "service",
        };
        var detail = resource switch
        {
            IResourceWithConnectionString { ConnectionString: { } connection } when resource is not SqliteResource => connection,
            SqliteResource sqlite => sqlite.DatabasePath,
            _ => replicas.FirstOrDefault(r => r.Endpoint is not null)?.Endpoint?.ToString(),
        };
        return new ResourceView(
            resource.Name, kind, resource.State, HealthOf(resource, replicas), detail, replicas,
            ResourceActions.Allowed(resource), [.. resource.WaitsFor.Select(r => r.Name)]);
    }

    private static HealthState? HealthOf(Resource resource, IReadOnlyList<ReplicaSnapshot> replicas) =>
        resource is not ProjectResource ? null
        : replicas.Count == 0 ? HealthState.Unknown
        : replicas.Any(r => r.Health == HealthState.Unhealthy) ? HealthState.Unhealthy
        : replicas.All(r => r.Health == HealthState.Healthy) ? HealthState.Healthy
        : HealthState.Unknown;
}
