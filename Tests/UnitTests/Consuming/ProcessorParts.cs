using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using Polly.Retry;
using Signups.Consuming;

namespace Signups.UnitTests.Consuming;

/// <summary>What a processor needs besides its handler, as the workers give it.</summary>
internal static class ProcessorParts
{
    /// <summary>Retries every failure until cancelled, like the workers' store pipeline.</summary>
    public static readonly ResiliencePipeline RetryUntilCancelled = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = int.MaxValue,
            Delay = TimeSpan.FromMilliseconds(5),
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
        })
        .Build();

    public static ConsumerMetrics Metrics() => new(
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>(), "test-group");

    public static KafkaOffsetCommitter Committer() => new();
}
