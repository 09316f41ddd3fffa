namespace Signups.AppHost.Hosting;

/// <summary>Asks a service's <c>/health</c> endpoint; 200 means healthy.</summary>
internal static class HealthProbe
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static async Task<HealthState> CheckAsync(Uri healthUri, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Client.GetAsync(healthUri, cancellationToken);
            return response.IsSuccessStatusCode ? HealthState.Healthy : HealthState.Unhealthy;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthState.Unhealthy;
        }
    }
}
