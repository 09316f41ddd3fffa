using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Signups.AppHost.Lifecycle;

/// <summary>
/// A service's own <c>GET /health</c>, asked through its Aspire endpoint with a short timeout. Aspire's
/// <c>WithHttpHealthCheck</c> waits 10 s for an answer, and a request that reaches DCP's proxy before the service
/// listens waits all of that: measured here, the first check of each worker took 10.0 s, and the graph's start
/// (kafka → workers → producer) waited it at every level.
/// </summary>
internal sealed class ServiceHealthCheck(EndpointReference endpoint, string path) : IHealthCheck
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var uri = new Uri(new Uri(endpoint.Url), path);
        try
        {
            using var response = await Http.GetAsync(uri, cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{uri} answered {(int)response.StatusCode}.");
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return HealthCheckResult.Unhealthy($"{uri} did not answer: {e.Message}");
        }
    }
}
