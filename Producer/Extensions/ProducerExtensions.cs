using Signups.Messaging;
using Signups.Producer.Publishing;

namespace Signups.Producer.Extensions;

internal static class ProducerExtensions
{
    /// <summary>The Kafka producer and the publisher the API and the load generator share.</summary>
    public static IHostApplicationBuilder AddSignupPublisher(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.SectionName);
        builder.Services.AddOptions<PublisherOptions>().BindConfiguration(PublisherOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var deliveryTimeout = builder.Configuration.GetSection(PublisherOptions.SectionName).Get<PublisherOptions>()?.DeliveryTimeout
            ?? new PublisherOptions().DeliveryTimeout;
        builder.AddKafkaProducer<byte[], byte[]>(configureSettings: settings =>
        {
            // Never a 202 for an event Kafka has not stored: every in-sync replica acknowledges, retries cannot duplicate.
            settings.Config.Acks = Confluent.Kafka.Acks.All;
            settings.Config.EnableIdempotence = true;
            settings.Config.MessageTimeoutMs = (int)deliveryTimeout.TotalMilliseconds;
        });
        builder.Services.AddSingleton<SignupPublisher>();
        return builder;
    }
}
