namespace Signups.AppHost.Lifecycle;

/// <summary>
/// On the ordered stop, before this worker is signalled: wait (at most <see cref="Limit"/>) until its replicas have
/// fetched (or its group committed) everything on <see cref="Topic"/>, so that its drain has nothing left to fetch.
/// </summary>
internal sealed record CatchUpBeforeStopAnnotation(IResourceWithConnectionString Kafka, string Topic, string Group, TimeSpan Limit) : IResourceAnnotation;
