using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Signups.AppHost.Lifecycle;

/// <summary>Attaches <see cref="ServiceHealthCheck"/> to a service.</summary>
internal static class ServiceHealthCheckExtensions
{
    /// <summary>The service is healthy when <paramref name="path"/> on its <c>http</c> endpoint answers 2xx.</summary>
    public static IResourceBuilder<T> WithServiceHealthCheck<T>(this IResourceBuilder<T> builder, string path = "/health")
        where T : IResourceWithEndpoints
    {
        var endpoint = builder.Resource.GetEndpoint("http");
        var key = $"{builder.Resource.Name}_health";
        builder.ApplicationBuilder.Services.AddHealthChecks()
            .Add(new HealthCheckRegistration(key, _ => new ServiceHealthCheck(endpoint, path), failureStatus: null, tags: null));
        return builder.WithHealthCheck(key);
    }
}
