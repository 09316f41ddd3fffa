using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Signups.Benchmarks.RawConsume;
using Signups.Benchmarks.RawProduce;
using Signups.Benchmarks.RawSink;
using Signups.Consuming;

namespace Signups.Benchmarks.Harness;

/// <summary>Source-generated JSON for the raw loop's result, the load generator's summary and results.json.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(RawProduceResult))]
[JsonSerializable(typeof(RawConsumeResult))]
[JsonSerializable(typeof(RawSinkResult))]
[JsonSerializable(typeof(ConsumerStats))]
[JsonSerializable(typeof(LoadSummaryFile))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class BenchmarkJsonContext : JsonSerializerContext;
