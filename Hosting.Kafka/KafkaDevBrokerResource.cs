namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// The <c>kafka</c> resource run as our DevBroker (librdkafka's mock cluster) by DCP. Clients bootstrap through the
/// <c>tcp</c> endpoint, a port Aspire allocates; the brokers they then talk to listen where librdkafka put them.
/// The <c>http</c> endpoint is the DevBroker's control API (fault injection).
/// </summary>
public sealed class KafkaDevBrokerResource(string name) : ProjectResource(name), IResourceWithConnectionString
{
    /// <summary>The bootstrap endpoint's name.</summary>
    public const string BootstrapEndpointName = "tcp";

    /// <summary>The bootstrap endpoint.</summary>
    public EndpointReference BootstrapEndpoint => field ??= new(this, BootstrapEndpointName);

    /// <summary>The control API's endpoint.</summary>
    public EndpointReference ControlEndpoint => field ??= new(this, "http");

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{BootstrapEndpoint.Property(EndpointProperty.HostAndPort)}");
}
