using Microsoft.Extensions.Options;
using Signups.BatchWorker.Analytics;
using Signups.Messaging;
using Signups.Consuming;
using Signups.ServiceDefaults.Resilience;
using Signups.Storage;
using Signups.Storage.Postgres;

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
        // Facts are appended with time-ordered keys: on SQLite a small page cache suffices, and memory stays low.
        var store = builder.AddServiceDatabase(AnalyticsDb, AnalyticsSchema.Sqlite, AnalyticsSchema.Postgres, sqlitePageCacheMegabytes: 8);
        builder.AddBatchingConsumer<AnalyticsSink>(ConsumerGroup, SectionName, ResiliencePipelineNames.Store);
        builder.ConsumeOnceReady(AnalyticsDb, sp => sp.GetRequiredService<StoreReadiness>().WhenReady);
        if (store == StoreKind.Postgres)
        {
            builder.Services.AddSingleton(sp => new PostgresConsumerOffsetStore(sp.GetRequiredService<ConsumerState>().GroupId, Topic(sp)));
            builder.Services.AddSingleton<ISignupFactsStore, PostgresSignupFactsStore>();
        }
        else
        {
            builder.Services.AddSingleton(sp => new SqliteConsumerOffsetStore(sp.GetRequiredService<ConsumerState>().GroupId, Topic(sp)));
            builder.Services.AddSingleton<ISignupFactsStore, SqliteSignupFactsStore>();
        }

        return builder;
    }

    private static string Topic(IServiceProvider services) => services.GetRequiredService<IOptions<MessagingOptions>>().Value.Topic;
}
