using Aspire.Hosting.ApplicationModel;

namespace Signups.Hosting.Kafka;

/// <summary>The topics a <c>kafka</c> resource must have at start, their partitions, and the dev broker's size.</summary>
internal sealed class KafkaClusterAnnotation : IResourceAnnotation
{
    /// <summary>Topics created at start (by the dev broker itself, or with the admin client).</summary>
    public List<string> Topics { get; } = [];

    /// <summary>Partitions of each topic created.</summary>
    public int Partitions { get; set; } = 12;

    /// <summary>Brokers of the dev cluster; other runtimes ignore it.</summary>
    public int Brokers { get; set; } = 1;
}
