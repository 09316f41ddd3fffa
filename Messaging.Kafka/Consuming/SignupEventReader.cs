using System.Runtime.CompilerServices;

namespace Signups.Messaging.Kafka.Consuming;

/// <summary>
/// Reads a batch as <see cref="UserSignedUp"/> events. Messages that are not valid events go to the
/// dead-letter topic (acknowledged before this returns), so the batch's offsets may move past them.
/// A batch is read once: when its handler is retried, its dead letters are not published again.
/// </summary>
public sealed class SignupEventReader(DeadLetterPublisher deadLetters)
{
    private static readonly InvalidEvent NoValue = new(InvalidEvent.InvalidEventShape, "The message has no value.");
    private readonly ConditionalWeakTable<MessageBatch, IReadOnlyList<ConsumedSignup>> _read = [];

    public async Task<IReadOnlyList<ConsumedSignup>> ReadAsync(MessageBatch batch, CancellationToken cancellationToken)
    {
        if (_read.TryGetValue(batch, out var known))
        {
            return known;
        }

        var signups = new List<ConsumedSignup>(batch.Messages.Count);
        foreach (var message in batch.Messages)
        {
            var version = message.Message.Headers?.TryGetLastBytes(MessageHeaders.SchemaVersion, out var bytes) == true ? bytes : [];
            InvalidEvent? problem = NoValue;
            if (message.Message.Value is { } value && UserSignedUpSerializer.TryDeserialize(value, version, out var signup, out problem))
            {
                signups.Add(new(signup, message));
                continue;
            }

            await deadLetters.PublishAsync(message, problem, cancellationToken);
        }

        _read.AddOrUpdate(batch, signups);
        return signups;
    }
}
