using Signups.Producer.Signups;

namespace Signups.Producer.Api;

/// <summary><c>POST /signups</c> with <c>{"email", "name"}</c> and an optional <c>Idempotency-Key</c>.</summary>
internal static class SignupEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, SignupService signups)
    {
        var request = context.Request;
        if (request.ContentLength > SignupsApi.MaxSignupBodyBytes)
        {
            return TooLarge();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var key = SignupRequestHeaders.Check(request, errors);
        if (errors.ContainsKey(SignupRequestHeaders.ContentTypeField))
        {
            return SignupResults.Invalid(errors);
        }

        if (await RequestBodyReader.ReadAsync(request, SignupsApi.MaxSignupBodyBytes, context.RequestAborted) is not { } body)
        {
            return TooLarge();
        }

        var signup = SignupBodyParser.ParseSignup(body, errors);
        if (signup is null || errors.Count > 0)
        {
            return SignupResults.Invalid(errors);
        }

        return SignupResults.For(await signups.SubmitAsync(signup, key), context);
    }

    private static IResult TooLarge() =>
        SignupResults.TooLarge($"The body is larger than {SignupsApi.MaxSignupBodyBytes / 1024} KB; a signup is an email and a name.");
}
