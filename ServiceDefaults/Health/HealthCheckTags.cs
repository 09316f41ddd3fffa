namespace Signups.ServiceDefaults.Health;

/// <summary>Tags that decide which endpoint a health check belongs to.</summary>
public static class HealthCheckTags
{
    /// <summary>Liveness: the process works at all. Only these checks answer <c>/alive</c>; every check answers <c>/health</c>.</summary>
    public const string Live = "live";

    /// <summary>Readiness: a dependency the service needs to do its job (Kafka, the store).</summary>
    public const string Ready = "ready";
}
