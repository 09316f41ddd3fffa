using System.Text.Json;

namespace Signups.Producer.Api;

/// <summary>
/// A signup as it arrived, before any check. The fields are raw JSON values so that a wrong type is reported
/// for its own field (with the others still checked) instead of failing the whole body at the first one.
/// A missing field is <see cref="JsonValueKind.Undefined"/>.
/// </summary>
/// <param name="Email">The <c>email</c> member, any JSON value.</param>
/// <param name="Name">The <c>name</c> member, any JSON value.</param>
internal sealed record SignupBody(JsonElement Email, JsonElement Name);
