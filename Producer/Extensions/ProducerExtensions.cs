using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Signups.Messaging;
using Signups.Messaging.Kafka.Configuration;
using Signups.Producer.Api;
using Signups.Producer.Idempotency;
using Signups.Producer.Publishing;
using Signups.Producer.Signups;
using Signups.Storage;

namespace Signups.Producer.Extensions;

internal static class ProducerExtensions
{
    /// <summary>The signup API: the publisher, the idempotency store and JSON for the API's types.</summary>
    public static IHostApplicationBuilder AddSignupsApi(this IHostApplicationBuilder builder)
    {
        builder.AddSignupPublisher();
        var store = builder.AddServiceDatabase(IdempotencyOptions.ConnectionName, IdempotencySchema.Sqlite, IdempotencySchema.Postgres);
        builder.Services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        if (store == StoreKind.Postgres)
        {
            builder.Services.AddSingleton<IIdempotencyStore, PostgresIdempotencyStore>();
        }
        else
        {
            builder.Services.AddSingleton<IIdempotencyStore, SqliteIdempotencyStore>();
        }

        builder.Services.AddSingleton<InFlightSignups>();
        builder.Services.AddHostedService<IdempotencyPurger>();
        builder.Services.AddHostedService<SignupsApiStartedLog>();
        builder.Services.AddSingleton<SignupService>();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ProducerJsonContext.Default));
        return builder;
    }

    /// <summary>The Kafka producer and the publisher the API and the load generator share.</summary>
    public static IHostApplicationBuilder AddSignupPublisher(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.SectionName);
        builder.Services.AddOptions<PublisherOptions>().BindConfiguration(PublisherOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var deliveryTimeout = builder.Configuration.GetSection(PublisherOptions.SectionName).Get<PublisherOptions>()?.DeliveryTimeout
            ?? new PublisherOptions().DeliveryTimeout;
        builder.AddKafkaProducer<byte[], byte[]>(MessagingOptions.KafkaConnectionName, settings =>
        {
            // Defaults that are promises, not tuning; configuration may restate them, and DeliveryGuaranteeValidator
            // refuses it at start if it contradicts them. Tuning (linger, batch size, compression) is appsettings.json's.
            settings.Config.Acks ??= Acks.All;
            settings.Config.EnableIdempotence ??= true;
            settings.Config.Partitioner ??= Partitioner.Murmur2Random;
            settings.Config.MessageTimeoutMs = (int)deliveryTimeout.TotalMilliseconds;
        });
        builder.AddKafkaConfigCheck();
        builder.AddKafkaClientMetrics();
        builder.Services.AddSingleton<IValidateOptions<KafkaProducerSettings>, DeliveryGuaranteeValidator>();
        builder.Services.AddSingleton<PublishMetrics>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(PublishMetrics.MeterName));
        builder.Services.AddSingleton<SignupPublisher>();
        return builder;
    }
}
