namespace Signups.AppHost.Lifecycle;

/// <summary>
/// On the ordered stop, before this worker is signalled: wait (at most <see cref="Limit"/>) until its consumer group
/// has committed everything on <see cref="Topic"/>, so that its drain has nothing left to fetch.
/// </summary>
internal sealed record CatchUpBeforeStopAnnotation(IResourceWithConnectionString Kafka, string Topic, string Group, TimeSpan Limit) : IResourceAnnotation;
