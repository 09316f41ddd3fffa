using Signups.Producer.Idempotency;

namespace Signups.Producer.Api;

/// <summary>What both signup endpoints check before reading a body: the Idempotency-Key and the content type.</summary>
internal static class SignupRequestHeaders
{
    public const string ContentTypeField = "Content-Type";

    /// <summary>The Idempotency-Key (null when absent); a bad key or a content type that is not JSON is added to <paramref name="errors"/>.</summary>
    public static string? Check(HttpRequest request, Dictionary<string, string[]> errors)
    {
        var (key, keyError) = IdempotencyKey.Read(request.Headers[IdempotencyKey.HeaderName]);
        if (keyError is not null)
        {
            errors[IdempotencyKey.HeaderName] = [keyError];
        }

        if (RequestBodyReader.CheckContentType(request) is { } contentTypeError)
        {
            errors[ContentTypeField] = [contentTypeError];
        }

        return key;
    }
}
