namespace Signups.AppHost;

/// <summary>
/// How the services authenticate to a managed Kafka (Azure Event Hubs' Kafka endpoint, Confluent Cloud, Amazon MSK):
/// deployment parameters, the user name and password secret, the protocol and mechanism with defaults.
/// </summary>
internal sealed record KafkaSaslParameters(
    IResourceBuilder<ParameterResource> SecurityProtocol,
    IResourceBuilder<ParameterResource> SaslMechanism,
    IResourceBuilder<ParameterResource> SaslUsername,
    IResourceBuilder<ParameterResource> SaslPassword);
