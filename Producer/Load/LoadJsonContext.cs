using System.Text.Json;
using System.Text.Json.Serialization;

namespace Signups.Producer.Load;

/// <summary>Source-generated JSON for the load summary file.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(LoadSummary))]
internal sealed partial class LoadJsonContext : JsonSerializerContext;
