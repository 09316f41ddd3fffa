namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// The <c>kafka</c> resource as a Kafka container, modelled as Aspire.Hosting.Kafka models it: one KRaft node whose
/// <c>tcp</c> listener is for clients on the host and <c>internal</c> for other containers.
/// </summary>
public sealed class KafkaContainerResource(string name) : ContainerResource(name), IResourceWithConnectionString
{
    /// <summary>The client endpoint's name.</summary>
    public const string PrimaryEndpointName = "tcp";

    /// <summary>The endpoint other containers use.</summary>
    public const string InternalEndpointName = "internal";

    /// <summary>The client endpoint.</summary>
    public EndpointReference PrimaryEndpoint => field ??= new(this, PrimaryEndpointName);

    /// <summary>The endpoint for other containers.</summary>
    public EndpointReference InternalEndpoint => field ??= new(this, InternalEndpointName);

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}");
}
