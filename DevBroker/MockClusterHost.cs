using Microsoft.Extensions.Options;
using Signups.DevBroker.Mock;

namespace Signups.DevBroker;

/// <summary>Creates the mock cluster and its topics when the process starts, and destroys it when it stops.</summary>
internal sealed partial class MockClusterHost(MockCluster cluster, IOptions<DevBrokerOptions> options, ILogger<MockClusterHost> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        foreach (var topic in settings.EffectiveTopics)
        {
            cluster.CreateTopic(topic, settings.Partitions);
        }

        LogStarted(logger, cluster.BrokerCount, cluster.BootstrapServers, string.Join(", ", settings.EffectiveTopics), settings.Partitions);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        cluster.Dispose();
        LogStopped(logger);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Kafka dev broker up: {Brokers} broker(s) at {BootstrapServers}; topics {Topics} with {Partitions} partitions. In memory only: each partition keeps at most 5 MB, older messages are dropped.")]
    private static partial void LogStarted(ILogger logger, int brokers, string bootstrapServers, string topics, int partitions);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Kafka dev broker stopped; its data is gone.")]
    private static partial void LogStopped(ILogger logger);
}
