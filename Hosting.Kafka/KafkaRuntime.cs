namespace Aspire.Hosting;

/// <summary>What runs the <c>kafka</c> resource when no <c>ConnectionStrings:kafka</c> is given.</summary>
public enum KafkaRuntime
{
    /// <summary>Our DevBroker: librdkafka's mock cluster in a process of its own. In memory, 5 MB per partition, no container engine.</summary>
    DevBroker,

    /// <summary>A Kafka container (KRaft, one node), as Aspire.Hosting.Kafka runs it. Needs a container engine.</summary>
    Container,
}
