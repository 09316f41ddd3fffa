using System.Text.Json.Serialization;

namespace Signups.Messaging;

/// <summary>
/// Source-generated JSON for the events. Missing constructor parameters and nulls where the contract
/// says non-null are errors, so a malformed event is rejected instead of defaulted.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(UserSignedUp))]
public sealed partial class SignupsJsonContext : JsonSerializerContext;
