using Confluent.Kafka;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;

namespace Signups.Consuming;

/// <summary>Registers a worker's consume loop: the Kafka consumer and the dead-letter producer, the processor, health and metrics.</summary>
public static class ConsumeLoopExtensions
{
    /// <summary>
    /// Consumes the signups topic as <paramref name="consumerGroup"/> with a lane per partition (the StreamWorker's way).
    /// Lane sizes come from <paramref name="optionsSection"/>.
    /// </summary>
    public static IHostApplicationBuilder AddPartitionLaneConsumer<THandler>(this IHostApplicationBuilder builder, string consumerGroup, string optionsSection, string retryPipeline)
        where THandler : class, IMessageBatchHandler
    {
        builder.Services.AddOptions<PartitionLaneOptions>().BindConfiguration(optionsSection).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IPartitionProcessor>(sp => new PartitionLaneProcessor(
            sp.GetRequiredService<IMessageBatchHandler>(), sp.GetRequiredService<SignupEventReader>(), Retry(sp, retryPipeline), sp.GetRequiredService<IOptions<PartitionLaneOptions>>().Value,
            sp.GetRequiredService<KafkaOffsetCommitter>(), sp.GetRequiredService<ConsumerMetrics>()));
        return builder.AddConsumeLoop<THandler>(consumerGroup, retryPipeline);
    }

    /// <summary>
    /// Consumes the signups topic as <paramref name="consumerGroup"/> in size-or-time batches (the BatchWorker's way).
    /// <c>MaxBatchSize</c> and <c>MaxBatchDelay</c> come from <paramref name="optionsSection"/>.
    /// </summary>
    public static IHostApplicationBuilder AddBatchingConsumer<THandler>(this IHostApplicationBuilder builder, string consumerGroup, string optionsSection, string retryPipeline)
        where THandler : class, IMessageBatchHandler
    {
        builder.Services.AddOptions<BatchingOptions>().BindConfiguration(optionsSection).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IPartitionProcessor>(sp => new SizeOrTimeBatchProcessor(
            sp.GetRequiredService<IMessageBatchHandler>(), sp.GetRequiredService<SignupEventReader>(), Retry(sp, retryPipeline), sp.GetRequiredService<IOptions<BatchingOptions>>().Value,
            sp.GetRequiredService<KafkaOffsetCommitter>(), sp.GetRequiredService<ConsumerMetrics>()));
        return builder.AddConsumeLoop<THandler>(consumerGroup, retryPipeline);
    }

    /// <summary>The consume loop joins its group only once <paramref name="ready"/> completes (the store's schema exists): <paramref name="what"/> names it in the log.</summary>
    public static IHostApplicationBuilder ConsumeOnceReady(this IHostApplicationBuilder builder, string what, Func<IServiceProvider, Task> ready)
    {
        builder.Services.AddSingleton(sp => new ConsumeStartGate(what, cancellationToken => ready(sp).WaitAsync(cancellationToken)));
        return builder;
    }

    /// <summary>Maps <c>GET /stats</c>: what the consumer did since start and what it owns now.</summary>
    public static IEndpointRouteBuilder MapConsumerStats(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/stats", (ConsumerState state, ConsumerMetrics metrics, IPartitionProcessor processor) => Results.Json(new ConsumerStats(
            state.GroupId, state.Joined, [.. state.Assignment.Select(p => p.Partition.Value)], state.Positions, state.PausedSince is not null,
            metrics.Received, processor.Pending, metrics.Processed, metrics.Redelivered, metrics.DeadLettered, metrics.Batches, metrics.LastBatchSize,
            metrics.FirstReceivedAt, metrics.LastPersistedAt)));
        return endpoints;
    }

    private static IHostApplicationBuilder AddConsumeLoop<THandler>(this IHostApplicationBuilder builder, string consumerGroup, string retryPipeline)
        where THandler : class, IMessageBatchHandler
    {
        builder.Services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.SectionName);
        builder.AddKafkaConsumer<byte[], byte[]>(MessagingOptions.KafkaConnectionName, settings =>
        {
            var config = settings.Config;
            config.GroupId ??= consumerGroup;
            config.AutoOffsetReset ??= AutoOffsetReset.Earliest;
            config.PartitionAssignmentStrategy ??= PartitionAssignmentStrategy.CooperativeSticky;
            // librdkafka prefetches up to this much (64 MB by default): with 6 MB a worker stays under 200 MB resident.
            config.QueuedMaxMessagesKbytes ??= 6 * 1024;
            // When that queue is full librdkafka waits fetch.queue.backoff.ms before it fetches again: 1 s by default
            // (librdkafka 2.0 had that second fixed), so a worker that fell behind took one queue a second, ~45,000
            // signups/s for the BatchWorker. Measured (bench/, worker-throughput): see README "The workers".
            config.FetchQueueBackoffMs ??= 10;
            config.AutoCommitIntervalMs ??= 1000;
            // Offsets reach Kafka only once the store has them (KafkaOffsetCommitter); never by default on Consume.
            config.EnableAutoCommit = true;
            config.EnableAutoOffsetStore = false;
        }, (sp, consumer) => sp.GetRequiredService<KafkaConsumeLoop>().AttachTo(consumer));
        builder.AddKafkaProducer<byte[], byte[]>(MessagingOptions.KafkaConnectionName, settings =>
        {
            settings.Config.Acks = Acks.All;
            settings.Config.EnableIdempotence = true;
        });

        builder.AddKafkaConfigCheck();
        builder.AddKafkaClientMetrics();

        builder.Services.AddSingleton<THandler>();
        builder.Services.AddSingleton<IMessageBatchHandler>(sp => sp.GetRequiredService<THandler>());
        builder.Services.AddSingleton(sp => new ConsumerState { GroupId = GroupId(sp) });
        builder.Services.AddSingleton(sp => new ConsumerMetrics(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            GroupId(sp)));
        builder.Services.AddSingleton<KafkaOffsetCommitter>();
        builder.Services.AddSingleton(sp => new DeadLetterPublisher(
            sp.GetRequiredService<IProducer<byte[], byte[]>>(),
            sp.GetRequiredService<IOptions<MessagingOptions>>().Value.EffectiveDeadLetterTopic,
            GroupId(sp),
            Retry(sp, retryPipeline),
            sp.GetRequiredService<ConsumerMetrics>(),
            sp.GetRequiredService<ILogger<DeadLetterPublisher>>()));
        builder.Services.AddSingleton<SignupEventReader>();
        builder.Services.AddSingleton<KafkaConsumeLoop>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<KafkaConsumeLoop>());
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration("consumer",
            sp => new ConsumerHealthCheck(sp.GetRequiredService<ConsumerState>()), failureStatus: null, tags: ["ready"]));
        return builder;
    }

    private static string GroupId(IServiceProvider services) =>
        services.GetRequiredService<IOptions<KafkaConsumerSettings>>().Value.Config.GroupId;

    private static ResiliencePipeline Retry(IServiceProvider services, string name) =>
        services.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(name);
}
