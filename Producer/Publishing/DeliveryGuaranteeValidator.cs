using Confluent.Kafka;
using Microsoft.Extensions.Options;
using Signups.Messaging.Kafka.Configuration;

namespace Signups.Producer.Publishing;

/// <summary>
/// Refuses at start a producer configuration that would break the Producer's promises: a 202 only for an event
/// every in-sync replica stored (acks=all), no duplicate from the client's own retries (idempotence), and
/// Kafka's murmur2 key-to-partition mapping, which Java clients share, so a user's events stay on one partition
/// whoever publishes them.
/// </summary>
internal sealed class DeliveryGuaranteeValidator : IValidateOptions<KafkaProducerSettings>
{
    private const string Section = KafkaProducerSettings.SectionName + ":Config";

    public ValidateOptionsResult Validate(string? name, KafkaProducerSettings options)
    {
        var config = options.Config;
        var problems = new List<string>();
        if (config.Acks is { } acks && acks != Acks.All)
        {
            problems.Add($"{Section}:Acks is {acks}; the Producer answers 202 only for events every in-sync replica stored, so it must be All.");
        }

        if (config.EnableIdempotence is not true)
        {
            problems.Add($"{Section}:EnableIdempotence must be true, or the client's own retries could store an event twice.");
        }

        if (config.Partitioner is { } partitioner && partitioner is not (Partitioner.Murmur2 or Partitioner.Murmur2Random))
        {
            problems.Add($"{Section}:Partitioner is {partitioner}; it must be Murmur2Random (Kafka's default key-to-partition mapping).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
