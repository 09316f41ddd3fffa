using Signups.IntegrationTests.Infrastructure;

namespace Signups.IntegrationTests.ServiceDefaults;

/// <summary>What the Aspire dashboard's Metrics and Structured logs pages show, received over OTLP as the dashboard receives it.</summary>
public sealed class MetricsAndLogsTests
{
    private static readonly string[] Services = ["producer", "stream-worker", "batch-worker"];
    private static readonly string[] Workers = ["stream-worker", "batch-worker"];

    // (service, instrument, unit): what a user looks for, each as an OpenTelemetry instrument with its unit.
    private static readonly (string Service, string Name, string Unit)[] Expected =
    [
        ("producer", "signups.producer.acknowledgements", "{event}"),
        ("producer", "signups.producer.acknowledgement.duration", "s"),
        ("producer", "http.server.request.duration", "s"),
        ("producer", "messaging.publish.messages", "{message}"),
        .. Workers.SelectMany(worker => new[]
        {
            (worker, "messaging.kafka.consumer.lag", "{message}"),
            (worker, "messaging.receive.messages", "{message}"),
            (worker, "signups.consumer.events", "{event}"),
            (worker, "signups.consumer.dead_letters", "{message}"),
            (worker, "signups.consumer.batch.size", "{event}"),
        }),
    ];

    [Fact]
    public async Task EveryServiceExportsStructuredLogsAndTheInstrumentsAUserLooksForWithTheirUnits()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var graph = await TestGraph.StartAsync(options =>
        {
            options.OtlpEndpoint = collector.Endpoint.ToString().TrimEnd('/');
            options.OtlpProtocol = "http/protobuf";
            foreach (var service in Services)
            {
                options.Environment[service] = new() { ["OTEL_METRIC_EXPORT_INTERVAL"] = "500", ["OTEL_BLRP_SCHEDULE_DELAY"] = "200" };
            }
        });
        using var client = new SignupsClient(graph.Producer);
        await client.SignUpManyAsync(50, prefix: "metrics");
        using var kafka = new KafkaTestClient(graph.BootstrapServers);
        await kafka.PublishRawAsync("poison-metrics"u8.ToArray(), "not json"u8.ToArray(), []);

        var metrics = await Eventually.WaitAsync("every expected instrument exported, with its unit",
            _ => Task.FromResult(collector.Metrics),
            seen => Expected.All(e => seen.Any(m => m.Service == e.Service && m.Name == e.Name && m.Unit == e.Unit)),
            TimeSpan.FromSeconds(60));
        foreach (var worker in Workers)
        {
            // Lag per consumer group and partition, as the dashboard's chart splits it.
            var lag = metrics.Where(m => m.Service == worker && m.Name == "messaging.kafka.consumer.lag").SelectMany(m => m.Points).ToList();
            Assert.Contains(lag, p => p.GetValueOrDefault("messaging.consumer.group.name") is { Length: > 0 }
                && p.ContainsKey("messaging.destination.partition.id"));
        }

        // librdkafka's statistics under Aspire.Confluent.Kafka's meter, instrument names and tags, so that a dashboard
        // made for the real package shows ours.
        foreach (var (service, name) in new[] { ("producer", "messaging.publish.messages"), ("stream-worker", "messaging.receive.messages"), ("batch-worker", "messaging.receive.messages") })
        {
            var instrument = metrics.First(m => m.Service == service && m.Name == name);
            Assert.Equal("Aspire.Confluent.Kafka", instrument.Meter);
            Assert.Contains(instrument.Points, p => p.ContainsKey("messaging.client_id") && p.ContainsKey("name") && p.GetValueOrDefault("type") is "producer" or "consumer");
        }

        var logs = await Eventually.WaitAsync("structured logs from every service", _ => Task.FromResult(collector.LogRecords),
            seen => Services.All(s => seen.GetValueOrDefault(s) > 0), TimeSpan.FromSeconds(30));
        Assert.All(Services, s => Assert.True(logs[s] > 0));
    }
}
