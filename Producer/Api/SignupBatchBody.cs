using System.Text.Json;

namespace Signups.Producer.Api;

/// <summary>The body of <c>POST /signups/batch</c>: <c>{"signups": [{"email": ..., "name": ...}, ...]}</c>.</summary>
/// <param name="Signups">The items, each any JSON value so that a bad item is answered on its own.</param>
internal sealed record SignupBatchBody(List<JsonElement>? Signups);
