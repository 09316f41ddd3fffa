using Signups.Producer.Signups;

namespace Signups.Producer.Api;

/// <summary>
/// <c>POST /signups/batch</c> with <c>{"signups": [...]}</c>: each item is checked and published on its own and
/// answered with the status it would have had alone. All valid items are queued to Kafka before any is awaited,
/// so they travel in a few produce requests. With an <c>Idempotency-Key</c> K, item i is keyed <c>K/i</c>: a
/// repeated batch replays the items already stored and publishes only those that were not.
/// </summary>
internal static class SignupBatchEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, SignupService signups)
    {
        var request = context.Request;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var key = SignupRequestHeaders.Check(request, errors);
        if (errors.ContainsKey(SignupRequestHeaders.ContentTypeField))
        {
            return SignupResults.Invalid(errors);
        }

        if (await RequestBodyReader.ReadAsync(request, SignupsApi.MaxBatchBodyBytes, context.RequestAborted) is not { } body)
        {
            return SignupResults.TooLarge($"The body is larger than {SignupsApi.MaxBatchBodyBytes / 1024} KB; send at most {SignupsApi.MaxBatchSize} signups per batch.");
        }

        var items = SignupBodyParser.ParseBatch(body, errors);
        if (items is { Count: > SignupsApi.MaxBatchSize })
        {
            return SignupResults.TooLarge($"A batch holds at most {SignupsApi.MaxBatchSize} signups; this one has {items.Count}. Send it in smaller batches.");
        }

        if (items is { Count: 0 })
        {
            errors["signups"] = ["The batch is empty; send 1 to 1000 signups."];
        }

        if (items is null || errors.Count > 0)
        {
            return SignupResults.Invalid(errors);
        }

        var results = await Task.WhenAll(items.Select((item, index) => SubmitAsync(signups, item, index, key)));
        var accepted = results.Count(r => r.Status == StatusCodes.Status202Accepted);
        var failed = results.Count(r => r.Status == StatusCodes.Status503ServiceUnavailable);
        if (failed > 0)
        {
            SignupResults.SetRetryAfter(context);
        }

        return Results.Json(new SignupBatchResponse(accepted, results.Length - accepted - failed, failed, results),
            ProducerJsonContext.Default.SignupBatchResponse);
    }

    private static async Task<BatchItemResult> SubmitAsync(SignupService signups, System.Text.Json.JsonElement item, int index, string? key)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (SignupBodyParser.CheckItem(item, errors) is not { } signup)
        {
            return new BatchItemResult(index, StatusCodes.Status400BadRequest, Errors: errors);
        }

        var outcome = await signups.SubmitAsync(signup, key is null ? null : $"{key}/{index}");
        return outcome.Kind switch
        {
            SignupOutcomeKind.Accepted or SignupOutcomeKind.Replayed =>
                new BatchItemResult(index, StatusCodes.Status202Accepted, outcome.Accepted!.EventId, outcome.Accepted.UserId),
            SignupOutcomeKind.KeyReused => new BatchItemResult(index, StatusCodes.Status422UnprocessableEntity, Detail: outcome.Problem),
            _ => new BatchItemResult(index, StatusCodes.Status503ServiceUnavailable, Detail: outcome.Problem),
        };
    }
}
