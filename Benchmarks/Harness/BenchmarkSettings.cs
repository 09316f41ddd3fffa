namespace Signups.Benchmarks.Harness;

/// <summary>The sizes of a benchmark session, from the command line.</summary>
/// <param name="MessageCount">Events each producing process publishes.</param>
/// <param name="HttpDuration">How long each measured HTTP load lasts.</param>
/// <param name="HttpConnections">Keep-alive connections of the HTTP load.</param>
/// <param name="ProducerConfig">
/// librdkafka settings that override the Producer's appsettings.json in every producing process (to try a tuning
/// before changing the defaults), by Confluent's or librdkafka's name: <c>LingerMs=1</c>, <c>compression.type=lz4</c>.
/// </param>
/// <param name="ConsumeCount">Events the consumer scenarios read (they must fit in the dev broker's retention).</param>
internal sealed record BenchmarkSettings(int MessageCount, TimeSpan HttpDuration, int HttpConnections, IReadOnlyDictionary<string, string> ProducerConfig, int ConsumeCount = 200_000)
{
    /// <summary>The overrides as the environment variables a .NET service reads them from.</summary>
    public Dictionary<string, string> ProducerEnvironment() =>
        ProducerConfig.ToDictionary(entry => $"Aspire__Confluent__Kafka__Producer__Config__{entry.Key}", entry => entry.Value, StringComparer.Ordinal);
}
