namespace Signups.AppHost.Hosting;

/// <summary>One process of a resource, as it is now.</summary>
/// <param name="Name">Display name: the resource name, or <c>name-N</c> for replica N &gt; 1.</param>
/// <param name="State">Life-cycle state.</param>
/// <param name="Health">Last health answer.</param>
/// <param name="ProcessId">The OS process id while running.</param>
/// <param name="Endpoint">Its HTTP endpoint, when it has one.</param>
/// <param name="Restarts">Times it was restarted after exiting.</param>
/// <param name="LastExitCode">Exit code of its last run.</param>
public sealed record ReplicaSnapshot(
    string Name,
    ResourceState State,
    HealthState Health,
    int? ProcessId,
    Uri? Endpoint,
    int Restarts,
    int? LastExitCode);
