using Confluent.Kafka;

namespace Signups.Consuming;

/// <summary>What a processor finished when the worker stopped.</summary>
/// <param name="Offsets">Next offsets to commit to Kafka.</param>
/// <param name="Events">Messages persisted during the drain.</param>
/// <param name="Batches">Transactions (batches) it took.</param>
/// <param name="Succeeded">False when the last work could not be persisted; the worker then exits non-zero.</param>
public sealed record DrainResult(IReadOnlyList<TopicPartitionOffset> Offsets, long Events, int Batches, bool Succeeded);
