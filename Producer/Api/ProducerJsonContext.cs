using System.Text.Json;
using System.Text.Json.Serialization;

namespace Signups.Producer.Api;

/// <summary>
/// Source-generated JSON for the API's bodies and answers. Member names match case-insensitively (as ASP.NET's
/// web defaults do); a member given twice is an error rather than a silent last-one-wins.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    AllowDuplicateProperties = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SignupBody))]
[JsonSerializable(typeof(SignupBatchBody))]
[JsonSerializable(typeof(SignupAccepted))]
[JsonSerializable(typeof(SignupBatchResponse))]
internal sealed partial class ProducerJsonContext : JsonSerializerContext;
