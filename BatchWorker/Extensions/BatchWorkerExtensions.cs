using Microsoft.Extensions.Options;
using Signups.BatchWorker.Analytics;
using Signups.Messaging;
using Signups.Consuming;
using Signups.ServiceDefaults.Resilience;
using Signups.Storage;

namespace Signups.BatchWorker.Extensions;

internal static class BatchWorkerExtensions
{
    /// <summary>The consumer group, unless <c>Aspire:Confluent:Kafka:Consumer:Config:GroupId</c> says otherwise.</summary>
    public const string ConsumerGroup = SignupConsumerGroups.BatchWorker;

    /// <summary>The analytics database's connection name.</summary>
    public const string AnalyticsDb = "analytics-db";

    /// <summary>The section of <c>MaxBatchSize</c> and <c>MaxBatchDelay</c>.</summary>
    public const string SectionName = "BatchWorker";

    public static IHostApplicationBuilder AddBatchWorker(this IHostApplicationBuilder builder)
    {
        // Facts are appended with time-ordered keys: a small page cache suffices, and memory stays low.
        builder.AddSqliteDatabase(AnalyticsDb, AnalyticsSchema.Ddl, pageCacheMegabytes: 8);
        builder.AddBatchingConsumer<AnalyticsSink>(ConsumerGroup, SectionName, ResiliencePipelineNames.Store);
        builder.Services.AddSingleton(sp => new ConsumerOffsetStore(
            sp.GetRequiredService<ConsumerState>().GroupId,
            sp.GetRequiredService<IOptions<MessagingOptions>>().Value.Topic));
        return builder;
    }
}
