using Signups.Consuming;
using Signups.StreamWorker.WelcomeEmails;

namespace Signups.StreamWorker.Users;

/// <summary>What the StreamWorker does with a batch's signups: apply them, wake the dispatcher.</summary>
internal sealed class SignupEffectsHandler(IUsersStore store, ConsumerMetrics metrics, OutboxSignal outbox) : IMessageBatchHandler
{
    public Task<IReadOnlyDictionary<int, long>> ReadNextOffsetsAsync(string topic, IReadOnlyList<int> partitions, CancellationToken cancellationToken) =>
        store.ReadNextOffsetsAsync(partitions, cancellationToken);

    public async Task HandleAsync(MessageBatch batch, CancellationToken cancellationToken)
    {
        var signups = batch.Signups;
        var applied = await store.ApplyAsync(signups, batch, cancellationToken);
        metrics.EventsProcessed(applied);
        metrics.EventsRedelivered(signups.Count - applied);
        if (applied > 0)
        {
            outbox.Notify();
        }
    }
}
