using Confluent.Kafka;
using Signups.Messaging;
using Signups.Producer.Publishing;

namespace Signups.Producer.Api;

/// <summary><c>POST /signups</c>: 202 only once Kafka has stored the event.</summary>
internal static class SignupsApi
{
    public static IEndpointRouteBuilder MapSignupsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/signups", SignUpAsync);
        return endpoints;
    }

    private static async Task<IResult> SignUpAsync(SignupRequest request, SignupPublisher publisher)
    {
        var errors = new Dictionary<string, string[]>();
        if (SignupFieldRules.CheckEmail(request.Email) is { } emailError)
        {
            errors["email"] = [emailError];
        }

        if (SignupFieldRules.CheckName(request.Name) is { } nameError)
        {
            errors["name"] = [nameError];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var signup = new UserSignedUp(Guid.CreateVersion7(), Guid.CreateVersion7(), request.Email!, request.Name!, DateTimeOffset.UtcNow);
        try
        {
            await publisher.PublishAsync(signup);
            return Results.Accepted($"/signups/{signup.EventId}", new SignupAccepted(signup.EventId, signup.UserId));
        }
        catch (ProduceException<byte[], byte[]> e)
        {
            return Results.Problem($"Kafka did not store the signup: {e.Error.Reason}. Retry later.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
