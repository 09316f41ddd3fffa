namespace Signups.Producer.Api;

/// <summary>
/// <c>POST /signups</c> and <c>POST /signups/batch</c>: a 202 (or a batch item's 202) only once Kafka has stored
/// the event. Bodies are read and checked here rather than by minimal-API binding, so every bad input gets a
/// problem document naming each field that is wrong.
/// </summary>
internal static class SignupsApi
{
    /// <summary>The largest body of <c>POST /signups</c>; a signup needs well under 1 KB.</summary>
    public const int MaxSignupBodyBytes = 64 * 1024;

    /// <summary>The most signups in one batch.</summary>
    public const int MaxBatchSize = 1000;

    /// <summary>The largest body of <c>POST /signups/batch</c>: room for the largest batch of ordinary signups.</summary>
    public const int MaxBatchBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapSignupsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/signups", SignupEndpoint.HandleAsync);
        endpoints.MapPost("/signups/batch", SignupBatchEndpoint.HandleAsync);
        return endpoints;
    }
}
