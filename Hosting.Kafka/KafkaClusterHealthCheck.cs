using Aspire.Hosting.ApplicationModel;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Signups.Hosting.Kafka;

/// <summary>
/// The <c>kafka</c> resource's health as the dashboard shows it: the cluster answers a metadata request and holds
/// the app's topics. Where the topics can be created with the admin client (a real Kafka; librdkafka's mock cluster
/// cannot) missing ones are created first, once.
/// </summary>
internal sealed class KafkaClusterHealthCheck(IResourceWithConnectionString kafka, KafkaClusterAnnotation cluster, bool createTopics) : IHealthCheck, IDisposable
{
    // Short, so that a check made before the broker listens fails soon and the next one comes.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(3);
    private IAdminClient? _admin;
    private string? _bootstrap;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var bootstrap = await kafka.ConnectionStringExpression.GetValueAsync(cancellationToken);
        if (string.IsNullOrEmpty(bootstrap))
        {
            return HealthCheckResult.Unhealthy($"{kafka.Name} has no connection string yet.");
        }

        try
        {
            var admin = Admin(bootstrap);
            var metadata = await Task.Run(() => admin.GetMetadata(RequestTimeout), cancellationToken);
            var missing = cluster.Topics.Where(t => !metadata.Topics.Any(m => m.Topic == t && !m.Error.IsError)).ToList();
            if (missing.Count > 0 && createTopics)
            {
                await CreateAsync(admin, missing, metadata.Brokers.Count);
                return HealthCheckResult.Degraded($"Created topics {string.Join(", ", missing)} ({cluster.Partitions} partitions).");
            }

            return missing.Count == 0
                ? HealthCheckResult.Healthy($"{metadata.Brokers.Count} broker(s) at {bootstrap}; topics {string.Join(", ", cluster.Topics)}.")
                : HealthCheckResult.Unhealthy($"Kafka at {bootstrap} lacks the topics {string.Join(", ", missing)}.");
        }
        catch (KafkaException e)
        {
            return HealthCheckResult.Unhealthy($"Kafka at {bootstrap} does not answer: {e.Error.Reason}");
        }
    }

    public void Dispose() => _admin?.Dispose();

    private IAdminClient Admin(string bootstrap)
    {
        if (_bootstrap != bootstrap)
        {
            _admin?.Dispose();
            // Until the broker listens, librdkafka would log every failed attempt; the check's answer says it instead.
            _admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap, SocketTimeoutMs = 5000 })
                .SetLogHandler((_, _) => { })
                .SetErrorHandler((_, _) => { })
                .Build();
            _bootstrap = bootstrap;
        }

        return _admin!;
    }

    private async Task CreateAsync(IAdminClient admin, IReadOnlyList<string> topics, int brokers)
    {
        try
        {
            await admin.CreateTopicsAsync(
                topics.Select(t => new TopicSpecification { Name = t, NumPartitions = cluster.Partitions, ReplicationFactor = (short)Math.Min(3, brokers) }),
                new CreateTopicsOptions { RequestTimeout = RequestTimeout });
        }
        catch (CreateTopicsException e) when (e.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
        {
            // Another AppHost, or a retry, created them first.
        }
    }
}
