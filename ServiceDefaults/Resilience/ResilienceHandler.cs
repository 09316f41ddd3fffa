using System.Net;
using Polly;

namespace Signups.ServiceDefaults.Resilience;

/// <summary>
/// Runs idempotent HTTP requests (GET, HEAD, OPTIONS, DELETE) through the <see cref="ResiliencePipelineNames.Http"/>
/// pipeline. Other methods go out once: retrying a POST could do its work twice.
/// </summary>
internal sealed class ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode >= 500
            || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
        _ => false,
    };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var idempotent = request.Method == HttpMethod.Get || request.Method == HttpMethod.Head
            || request.Method == HttpMethod.Options || request.Method == HttpMethod.Delete;
        return idempotent
            ? pipeline.ExecuteAsync(async token => await base.SendAsync(request, token), cancellationToken).AsTask()
            : base.SendAsync(request, cancellationToken);
    }
}
