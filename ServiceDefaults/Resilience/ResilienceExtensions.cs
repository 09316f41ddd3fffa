using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;

namespace Signups.ServiceDefaults.Resilience;

/// <summary>
/// Registers Polly pipelines by name in a <see cref="ResiliencePipelineProvider{TKey}"/> (Polly.Core's own
/// registry: Microsoft.Extensions.Resilience is not available here) and puts the HTTP pipeline on every HttpClient.
/// </summary>
public static partial class ResilienceExtensions
{
    /// <summary>Adds the <see cref="ResiliencePipelineNames.Store"/> and <see cref="ResiliencePipelineNames.Http"/> pipelines.</summary>
    public static IHostApplicationBuilder AddDefaultResilience(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ResilienceOptions>()
            .BindConfiguration(ResilienceOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ResilienceOptions>>().Value;
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Signups.Resilience");
            var registry = new ResiliencePipelineRegistry<string>();
            registry.TryAddBuilder(ResiliencePipelineNames.Store, (pipeline, _) => pipeline.AddRetry(new RetryStrategyOptions
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
            }));
            registry.TryAddBuilder<HttpResponseMessage>(ResiliencePipelineNames.Http, (pipeline, _) => pipeline
                .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = options.HttpMaxRetryAttempts,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldHandle = args => ValueTask.FromResult(ResilienceHandler.IsTransient(args.Outcome)),
                    OnRetry = args =>
                    {
                        args.Outcome.Result?.Dispose();
                        return default;
                    },
                })
                .AddTimeout(new TimeoutStrategyOptions { Timeout = options.HttpAttemptTimeout }));
            return registry;
        });
        builder.Services.AddSingleton<ResiliencePipelineProvider<string>>(sp => sp.GetRequiredService<ResiliencePipelineRegistry<string>>());
        builder.Services.AddTransient<ResilienceHandler>(sp => new(
            sp.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline<HttpResponseMessage>(ResiliencePipelineNames.Http)));
        builder.Services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler<ResilienceHandler>());
        return builder;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Store call failed, attempt {Attempt} in {DelayMs:0} ms: {Reason}")]
    private static partial void LogStoreRetry(ILogger logger, int attempt, double delayMs, string? reason);
}
