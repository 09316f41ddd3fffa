using Confluent.Kafka;
using Signups.Messaging.Kafka.Configuration;
using Signups.Messaging.Kafka.Diagnostics;
using Signups.Messaging.Kafka.Native;

namespace Signups.Messaging.Kafka;

/// <summary>
/// Builds the service's Kafka consumer from validated <see cref="KafkaConsumerSettings"/>, with logs,
/// statistics and errors already wired. A worker owns its consumer's life (rebalance handlers, a bounded
/// close, a new consumer after a fatal error), so it asks for one here instead of taking a singleton.
/// </summary>
/// <typeparam name="TKey">Message key type.</typeparam>
/// <typeparam name="TValue">Message value type.</typeparam>
public sealed class KafkaConsumerFactory<TKey, TValue>
{
    private readonly KafkaClientDiagnostics _diagnostics;
    private volatile IConsumer<TKey, TValue>? _current;

    internal KafkaConsumerFactory(KafkaConsumerSettings settings, KafkaClientDiagnostics diagnostics)
    {
        Settings = settings;
        _diagnostics = diagnostics;
    }

    /// <summary>The settings consumers are built from.</summary>
    public KafkaConsumerSettings Settings { get; }

    /// <summary>The consumer group every consumer built here joins.</summary>
    public string GroupId => Settings.Config.GroupId;

    /// <summary>The most recent consumer built here and not yet released, for health checks.</summary>
    internal IConsumer<TKey, TValue>? Current => _current;

    /// <summary>Builds a consumer; <paramref name="configure"/> adds what the caller needs (rebalance handlers, deserializers).</summary>
    public IConsumer<TKey, TValue> Create(Action<ConsumerBuilder<TKey, TValue>>? configure = null)
    {
        Librdkafka.EnsureAvailable();
        var builder = new ConsumerBuilder<TKey, TValue>(Settings.Config)
            .SetLogHandler((_, message) => _diagnostics.OnLog(message))
            .SetErrorHandler((_, error) => _diagnostics.OnError(error))
            .SetStatisticsHandler((_, json) => _diagnostics.OnStatistics(json));
        configure?.Invoke(builder);
        var consumer = builder.Build();
        _current = consumer;
        return consumer;
    }

    /// <summary>Forgets <paramref name="consumer"/> as the current one (call before disposing it).</summary>
    public void Release(IConsumer<TKey, TValue> consumer) => Interlocked.CompareExchange(ref _current, null, consumer);
}
