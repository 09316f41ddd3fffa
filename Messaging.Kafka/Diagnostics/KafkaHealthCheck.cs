using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Signups.Messaging.Kafka.Native;

namespace Signups.Messaging.Kafka.Diagnostics;

/// <summary>
/// Healthy when the cluster answers a metadata request through the client's own connections within
/// the timeout. Idle clients keep no connection warm, so statistics alone cannot tell.
/// </summary>
internal sealed class KafkaHealthCheck(Func<Handle> clientHandle, TimeSpan timeout) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var brokers = await Task.Run(() =>
            {
                using var admin = new DependentAdminClientBuilder(clientHandle()).Build();
                return admin.GetMetadata(timeout).Brokers.Count;
            }, cancellationToken);
            return HealthCheckResult.Healthy($"Kafka answered; {brokers} broker(s) in the cluster; {Librdkafka.Description}.");
        }
        catch (KafkaException e)
        {
            return HealthCheckResult.Unhealthy($"Kafka did not answer within {timeout.TotalSeconds:0.#} s: {e.Error.Reason}");
        }
    }
}
