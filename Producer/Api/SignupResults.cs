using System.Globalization;
using Microsoft.Extensions.Options;
using Signups.Producer.Idempotency;
using Signups.Producer.Publishing;
using Signups.Producer.Signups;

namespace Signups.Producer.Api;

/// <summary>The answers of the signup endpoints: RFC 9457 problem documents for everything but a 202.</summary>
internal static class SignupResults
{
    public static IResult Invalid(Dictionary<string, string[]> errors) => Results.ValidationProblem(errors);

    public static IResult TooLarge(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Content Too Large");

    /// <summary>The answer for a signup's outcome; a 503 carries <c>Retry-After</c>.</summary>
    public static IResult For(SignupOutcome outcome, HttpContext context)
    {
        switch (outcome.Kind)
        {
            case SignupOutcomeKind.Accepted:
                return Results.Json(outcome.Accepted, ProducerJsonContext.Default.SignupAccepted, statusCode: StatusCodes.Status202Accepted);
            case SignupOutcomeKind.Replayed:
                context.Response.Headers[IdempotencyKey.ReplayedHeaderName] = "true";
                return Results.Json(outcome.Accepted, ProducerJsonContext.Default.SignupAccepted, statusCode: StatusCodes.Status202Accepted);
            case SignupOutcomeKind.KeyReused:
                return Results.Problem(outcome.Problem, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused");
            default:
                SetRetryAfter(context);
                return Results.Problem(outcome.Problem, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not stored");
        }
    }

    public static void SetRetryAfter(HttpContext context)
    {
        var retryAfter = context.RequestServices.GetRequiredService<IOptions<PublisherOptions>>().Value.RetryAfter;
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}
