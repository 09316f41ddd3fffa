using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Signups.AppHost.Lifecycle;

/// <summary>
/// A service's own <c>GET /health</c>, asked through its Aspire endpoint. Aspire's <c>WithHttpHealthCheck</c> waits
/// 10 s for an answer, a request that reaches DCP's proxy before the service listens waits all of that, and after
/// each unhealthy report Aspire waits 1 s longer before the next check (up to 5 s): measured here, each worker was
/// seen healthy 7–10 s after it started, and the graph's start (kafka → workers → producer) waited that at every
/// level. This check asks again every 250 ms (2 s per request) for up to 5 s before it reports unhealthy, so a
/// service is seen healthy within a quarter of a second of being so.
/// </summary>
internal sealed class ServiceHealthCheck(EndpointReference endpoint, string path) : IHealthCheck
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(250);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var uri = new Uri(new Uri(endpoint.Url), path);
        var deadline = DateTime.UtcNow + Window;
        while (true)
        {
            string problem;
            try
            {
                using var response = await Http.GetAsync(uri, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return HealthCheckResult.Healthy();
                }

                problem = $"{uri} answered {(int)response.StatusCode}.";
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                problem = $"{uri} did not answer: {e.Message}";
            }

            if (DateTime.UtcNow >= deadline)
            {
                return HealthCheckResult.Unhealthy(problem);
            }

            await Task.Delay(Retry, cancellationToken);
        }
    }
}
