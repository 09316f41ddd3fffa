namespace Signups.Producer.Api;

/// <summary>
/// The answer for one item of a batch, with the status code the item would have had on its own:
/// 202 (stored: <see cref="EventId"/>, <see cref="UserId"/>), 400 (<see cref="Errors"/> per field),
/// 422 or 503 (<see cref="Detail"/>).
/// </summary>
internal sealed record BatchItemResult(
    int Index,
    int Status,
    Guid? EventId = null,
    Guid? UserId = null,
    IDictionary<string, string[]>? Errors = null,
    string? Detail = null);
