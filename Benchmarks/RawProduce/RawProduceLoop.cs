using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Signups.Messaging;

namespace Signups.Benchmarks.RawProduce;

/// <summary>
/// The yardstick: a plain Confluent.Kafka produce loop, as in Confluent's examples, with the Producer's own
/// librdkafka settings (its appsettings.json section and the guarantees it insists on), publishing
/// pre-serialized signup events of the same size and keys as the load generator's. It shows what the client
/// and broker can do on this machine with no application around them.
/// </summary>
internal static class RawProduceLoop
{
    private const string Section = "Aspire:Confluent:Kafka:Producer:Config";
    private static readonly TimeSpan RoomWait = TimeSpan.FromMilliseconds(10);

    public static RawProduceResult Run(string bootstrapServers, string topic, int count, string producerSettings, IReadOnlyDictionary<string, string> overrides)
    {
        var config = new ProducerConfig();
        var section = new ConfigurationBuilder()
            .AddJsonFile(producerSettings)
            .AddInMemoryCollection(overrides.Select(o => KeyValuePair.Create<string, string?>($"{Section}:{o.Key}", o.Value)))
            .Build()
            .GetSection(Section);
        section.Bind(config);
        foreach (var entry in section.GetChildren().Where(e => e.Key.Contains('.', StringComparison.Ordinal) && e.Value is not null))
        {
            config.Set(entry.Key, entry.Value);
        }

        // What Signups.Producer sets in code (ProducerExtensions.AddSignupPublisher).
        config.BootstrapServers = bootstrapServers;
        config.Acks = Acks.All;
        config.EnableIdempotence = true;
        config.Partitioner = Partitioner.Murmur2Random;
        config.MessageTimeoutMs = 5000;

        using var producer = new ProducerBuilder<byte[], byte[]>(config).Build();
        using (var admin = new DependentAdminClientBuilder(producer.Handle).Build())
        {
            admin.GetMetadata(topic, TimeSpan.FromSeconds(10));
        }

        var sample = new UserSignedUp(Guid.NewGuid(), Guid.NewGuid(), "load1234.abcdef12@load.example", "Load User 1234", DateTimeOffset.UtcNow);
        var value = UserSignedUpSerializer.Serialize(sample);
        var keys = Enumerable.Range(0, 4096).Select(_ => Encoding.UTF8.GetBytes(Guid.CreateVersion7().ToString())).ToArray();
        var headers = new Headers
        {
            { MessageHeaders.EventType, UserSignedUpSerializer.EventTypeHeaderValue },
            { MessageHeaders.SchemaVersion, UserSignedUpSerializer.SchemaVersionHeaderValue },
        };

        long acknowledged = 0, failed = 0, lastCompleted = 0;
        using var room = new ManualResetEventSlim(initialState: false);
        var waitingForRoom = 0;
        void Delivered(DeliveryReport<byte[], byte[]> report)
        {
            Interlocked.Increment(ref report.Error.IsError ? ref failed : ref acknowledged);
            Volatile.Write(ref lastCompleted, Stopwatch.GetTimestamp());
            if (Volatile.Read(ref waitingForRoom) == 1)
            {
                room.Set();
            }
        }

        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count;)
        {
            try
            {
                producer.Produce(topic, new Message<byte[], byte[]> { Key = keys[i % keys.Length], Value = value, Headers = headers }, Delivered);
                i++;
            }
            catch (ProduceException<byte[], byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                // librdkafka's queue is full: wait for the next acknowledgement to make room. The timeout covers one
                // that came between the refusal and the wait.
                room.Reset();
                Volatile.Write(ref waitingForRoom, 1);
                room.Wait(RoomWait);
                Volatile.Write(ref waitingForRoom, 0);
            }
        }

        producer.Flush(TimeSpan.FromSeconds(30));
        var seconds = Stopwatch.GetElapsedTime(started, Volatile.Read(ref lastCompleted)).TotalSeconds;
        return new RawProduceResult(count, acknowledged, failed, seconds, acknowledged / seconds, keys[0].Length + value.Length);
    }
}
