using Confluent.Kafka;
using Signups.Messaging;

namespace Signups.IntegrationTests.Infrastructure;

/// <summary>A plain Confluent.Kafka client for what tests do behind the Producer's back: raw and poison messages, reading topics.</summary>
internal sealed class KafkaTestClient(string bootstrapServers) : IDisposable
{
    private readonly IProducer<byte[], byte[]> _producer = new ProducerBuilder<byte[], byte[]>(
        new ProducerConfig { BootstrapServers = bootstrapServers, Acks = Acks.All, EnableIdempotence = true, LingerMs = 5 }).Build();

    /// <summary>Publishes <paramref name="count"/> valid signups as the Producer would (key, headers) and waits until Kafka has them all.</summary>
    public async Task<IReadOnlyList<AcceptedSignup>> PublishSignupsAsync(int count, string topic = SignupTopics.UserSignups, string prefix = "raw")
    {
        var published = new List<AcceptedSignup>(count);
        var deliveries = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var signup = new UserSignedUp(Guid.CreateVersion7(), Guid.CreateVersion7(), $"{prefix}{i}@example.com", $"{prefix} {i}", DateTimeOffset.UtcNow);
            published.Add(new AcceptedSignup(signup.EventId, signup.UserId));
            deliveries.Add(_producer.ProduceAsync(topic, Message(signup)));
        }

        await Task.WhenAll(deliveries);
        return published;
    }

    /// <summary>Keeps publishing chunks of signups until <paramref name="until"/> completes (a rebalance under load); returns them.</summary>
    public async Task<IReadOnlyList<AcceptedSignup>> PublishWhileAsync(Task until, int chunk = 200, string prefix = "during")
    {
        // Paced (a chunk per tick, at most 2,000 a second by default) rather than as fast as the client goes: the dev
        // broker keeps 5 MB per partition, and a fast client during a long rebalance outran that, so the broker dropped
        // events before a worker had read them.
        var published = new List<AcceptedSignup>();
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (!until.IsCompleted)
        {
            published.AddRange(await PublishSignupsAsync(chunk, prefix: $"{prefix}{published.Count}-"));
            await Task.WhenAny(until, pace.WaitForNextTickAsync().AsTask());
        }

        await until;
        return published;
    }

    /// <summary>Publishes exactly <paramref name="signup"/> again (a redelivery as Kafka could make one).</summary>
    public Task PublishAsync(UserSignedUp signup, string topic = SignupTopics.UserSignups) => _producer.ProduceAsync(topic, Message(signup));

    /// <summary>Publishes raw bytes with the given headers.</summary>
    public Task<DeliveryResult<byte[], byte[]>> PublishRawAsync(byte[] key, byte[] value, Headers headers, string topic = SignupTopics.UserSignups) =>
        _producer.ProduceAsync(topic, new Message<byte[], byte[]> { Key = key, Value = value, Headers = headers });

    public static Message<byte[], byte[]> Message(UserSignedUp signup) => new()
    {
        Key = System.Text.Encoding.UTF8.GetBytes(signup.UserId.ToString()),
        Value = UserSignedUpSerializer.Serialize(signup),
        Headers = new Headers
        {
            { MessageHeaders.EventType, UserSignedUpSerializer.EventTypeHeaderValue },
            { MessageHeaders.SchemaVersion, UserSignedUpSerializer.SchemaVersionHeaderValue },
        },
    };

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(10));
        _producer.Dispose();
    }
}
