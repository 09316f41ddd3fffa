using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Signups.ServiceDefaults.Resilience;

/// <summary>
/// The store's retry pipeline, registered by name with Polly's dependency injection (its
/// <c>ResiliencePipelineProvider&lt;string&gt;</c>, with Polly's telemetry). HTTP resilience is the standard handler.
/// </summary>
public static partial class ResilienceExtensions
{
    /// <summary>Adds the <see cref="ResiliencePipelineNames.Store"/> pipeline: retried until it succeeds or the service stops.</summary>
    public static IHostApplicationBuilder AddStoreResilience(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ResilienceOptions>()
            .BindConfiguration(ResilienceOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddResiliencePipeline(ResiliencePipelineNames.Store, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<ResilienceOptions>>().Value;
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Signups.Resilience");
            pipeline.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.StoreBaseDelay,
                MaxDelay = options.StoreMaxDelay,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                OnRetry = args =>
                {
                    LogStoreRetry(logger, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, args.Outcome.Exception?.Message);
                    return default;
                },
            });
        });
        return builder;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Store call failed, attempt {Attempt} in {DelayMs:0} ms: {Reason}")]
    private static partial void LogStoreRetry(ILogger logger, int attempt, double delayMs, string? reason);
}
