namespace Signups.AppHost;

/// <summary>SASL/TLS for the services' Kafka clients when the graph is deployed.</summary>
internal static class KafkaSaslExtensions
{
    /// <summary>
    /// When publishing, the parameters <c>kafka-security-protocol</c> (default <c>SaslSsl</c>), <c>kafka-sasl-mechanism</c>
    /// (default <c>Plain</c>; <c>ScramSha256</c>, <c>ScramSha512</c>), and the secrets <c>kafka-sasl-username</c> and
    /// <c>kafka-sasl-password</c>; null when running, since the dev broker has no SASL.
    /// </summary>
    public static KafkaSaslParameters? AddKafkaSaslParameters(this IDistributedApplicationBuilder builder) =>
        builder.ExecutionContext.IsPublishMode
            ? new KafkaSaslParameters(
                builder.AddParameter("kafka-security-protocol", "SaslSsl", publishValueAsDefault: true),
                builder.AddParameter("kafka-sasl-mechanism", "Plain", publishValueAsDefault: true),
                builder.AddParameter("kafka-sasl-username", secret: true),
                builder.AddParameter("kafka-sasl-password", secret: true))
            : null;

    /// <summary>
    /// The service's Kafka producer and consumer authenticate with <paramref name="sasl"/>, through the configuration
    /// keys Aspire.Confluent.Kafka reads (<c>Aspire:Confluent:Kafka:Producer:Config:SaslPassword</c> and so on).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithKafkaSasl(this IResourceBuilder<ProjectResource> service, KafkaSaslParameters? sasl)
    {
        if (sasl is null)
        {
            return service;
        }

        foreach (var client in new[] { "Producer", "Consumer" })
        {
            var config = $"Aspire__Confluent__Kafka__{client}__Config__";
            service
                .WithEnvironment(config + "SecurityProtocol", sasl.SecurityProtocol)
                .WithEnvironment(config + "SaslMechanism", sasl.SaslMechanism)
                .WithEnvironment(config + "SaslUsername", sasl.SaslUsername)
                .WithEnvironment(config + "SaslPassword", sasl.SaslPassword);
        }

        return service;
    }
}
