namespace Signups.AppHost.Postgres;

/// <summary>The three databases the services use, whichever store holds them.</summary>
/// <param name="Users">The StreamWorker's (<c>users-db</c>).</param>
/// <param name="Analytics">The BatchWorker's (<c>analytics-db</c>).</param>
/// <param name="Idempotency">The Producer's (<c>idempotency-db</c>).</param>
internal sealed record SignupDatabases(
    IResourceBuilder<IResourceWithConnectionString> Users,
    IResourceBuilder<IResourceWithConnectionString> Analytics,
    IResourceBuilder<IResourceWithConnectionString> Idempotency);
