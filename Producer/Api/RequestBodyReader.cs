using System.Buffers;
using System.IO.Pipelines;
using Microsoft.Net.Http.Headers;

namespace Signups.Producer.Api;

/// <summary>Checks a request's content type and reads its body, refusing one larger than a limit without buffering it.</summary>
internal static class RequestBodyReader
{
    /// <summary>Why the request's content type is not JSON in UTF-8, or null when it is.</summary>
    public static string? CheckContentType(HttpRequest request)
    {
        var contentType = request.ContentType;
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return "The request has no Content-Type; send the body as application/json.";
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !(mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)))
        {
            return $"The content type '{contentType}' is not supported; send the body as application/json.";
        }

        return mediaType.Charset.HasValue && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            ? $"The charset '{mediaType.Charset}' is not supported; send the body as UTF-8."
            : null;
    }

    /// <summary>
    /// The whole body, or null when it is longer than <paramref name="limit"/> bytes: a declared Content-Length is
    /// refused before reading, a chunked body as soon as it passes the limit.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var reader = request.BodyReader;
        while (true)
        {
            ReadResult read;
            try
            {
                read = await reader.ReadAsync(cancellationToken);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status400BadRequest)
            {
                // The client closed the connection (or broke the framing) mid-body: nothing to sign up.
                return [];
            }

            var buffer = read.Buffer;
            if (buffer.Length > limit)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }

            if (read.IsCompleted)
            {
                var body = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return body;
            }

            // Nothing consumed, everything examined: the next read returns once more bytes arrive.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
