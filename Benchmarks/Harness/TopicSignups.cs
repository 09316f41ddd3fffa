using System.Diagnostics;
using Confluent.Kafka;
using Signups.Messaging;

namespace Signups.Benchmarks.Harness;

/// <summary>The signups on a topic, read and decoded before a store's yardstick starts its clock.</summary>
internal static class TopicSignups
{
    /// <summary>The first <paramref name="count"/> signups of <paramref name="topic"/>, in the order the topic gives them, with where each was.</summary>
    public static List<(UserSignedUp Signup, int Partition, long Offset)> Read(string bootstrapServers, string topic, long count, string groupPrefix)
    {
        var config = new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = $"{groupPrefix}-{Guid.NewGuid():N}", AutoOffsetReset = AutoOffsetReset.Earliest };
        using var consumer = new ConsumerBuilder<byte[], byte[]>(config).Build();
        consumer.Subscribe(topic);
        var signups = new List<(UserSignedUp, int, long)>((int)count);
        var deadline = Stopwatch.StartNew();
        while (signups.Count < count && deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is not { Message: { } message } result)
            {
                continue;
            }

            var version = message.Headers.TryGetLastBytes(MessageHeaders.SchemaVersion, out var bytes) ? bytes : [];
            signups.Add(UserSignedUpSerializer.TryDeserialize(message.Value, version, out var signup, out var problem)
                ? (signup, result.Partition.Value, result.Offset.Value)
                : throw new InvalidOperationException($"{result.TopicPartitionOffset} is not a signup: {problem.Message}"));
        }

        consumer.Close();
        return signups.Count == count ? signups : throw new InvalidOperationException($"read {signups.Count} of {count} events.");
    }

    /// <summary>What a fact stores of an email: its domain, lower case (as the BatchWorker computes it).</summary>
    public static string EmailDomain(string email) => email[(email.LastIndexOf('@') + 1)..].ToLowerInvariant();
}
