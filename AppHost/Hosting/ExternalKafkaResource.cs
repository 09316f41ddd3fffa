using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace Signups.AppHost.Hosting;

/// <summary>
/// The <c>kafka</c> resource when <c>ConnectionStrings:kafka</c> is given: no broker is started; the
/// app's topics are created with the admin client when missing.
/// </summary>
public sealed class ExternalKafkaResource : Resource, IResourceWithConnectionString
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);
    private readonly IReadOnlyList<string> _topics;
    private readonly int _partitions;
    private ResourceState _state = ResourceState.NotStarted;

    internal ExternalKafkaResource(string name, string connectionString, IReadOnlyList<string> topics, int partitions, AppHostConsole console)
        : base(name, console)
    {
        ConnectionString = connectionString;
        _topics = topics;
        _partitions = partitions;
    }

    /// <inheritdoc />
    public string ConnectionString { get; }

    /// <inheritdoc />
    public override ResourceState State => _state;

    internal override async Task StartAsync(CancellationToken cancellationToken)
    {
        _state = ResourceState.Starting;
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = ConnectionString }).Build();
        Metadata metadata;
        try
        {
            metadata = await Task.Run(() => admin.GetMetadata(RequestTimeout), cancellationToken);
        }
        catch (KafkaException e)
        {
            _state = ResourceState.FailedToStart;
            throw new AppHostException($"Kafka at {ConnectionString} did not answer: {e.Error.Reason}");
        }

        var missing = _topics.Where(t => metadata.Topics.All(m => m.Topic != t || m.Error.IsError)).ToList();
        if (missing.Count > 0)
        {
            var replication = (short)Math.Min(3, metadata.Brokers.Count);
            try
            {
                await admin.CreateTopicsAsync(
                    missing.Select(t => new TopicSpecification { Name = t, NumPartitions = _partitions, ReplicationFactor = replication }),
                    new CreateTopicsOptions { RequestTimeout = RequestTimeout });
            }
            catch (CreateTopicsException e) when (e.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
            {
                // Another AppHost created them first.
            }

            Console.Info($"Created topics {string.Join(", ", missing)} on {ConnectionString} ({_partitions} partitions).");
        }

        _state = ResourceState.Running;
    }

    internal override Task<IReadOnlyList<StopOutcome>> StopAsync(TimeSpan grace)
    {
        _state = ResourceState.Stopped;
        return Task.FromResult<IReadOnlyList<StopOutcome>>([new StopOutcome(Name, null, false, TimeSpan.Zero, "external, left running")]);
    }
}
