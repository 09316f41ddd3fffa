using Confluent.Kafka;

namespace Signups.Messaging.Kafka.Consuming;

/// <summary>
/// Reads a batch as <see cref="UserSignedUp"/> events. Messages that are not valid events go to the dead-letter
/// topic, all of a batch's at once, acknowledged before this returns, so the batch's offsets may move past them.
/// A large batch is decoded on several threads (a broken message costs exceptions, ~100 µs), its order kept.
/// </summary>
public sealed class SignupEventReader(DeadLetterPublisher deadLetters) : IMessageBatchReader
{
    private const int Chunk = 256;
    private static readonly InvalidEvent NoValue = new(InvalidEvent.InvalidEventShape, "The message has no value.");

    public async ValueTask<MessageBatch> ReadAsync(MessageBatch batch, CancellationToken cancellationToken)
    {
        var messages = batch.Messages;
        var decoded = new (UserSignedUp? Signup, InvalidEvent? Problem)[messages.Count];
        if (messages.Count > Chunk)
        {
            Parallel.For(0, (messages.Count + Chunk - 1) / Chunk, chunk =>
            {
                for (var i = chunk * Chunk; i < Math.Min(messages.Count, (chunk + 1) * Chunk); i++)
                {
                    decoded[i] = Decode(messages[i]);
                }
            });
        }
        else
        {
            for (var i = 0; i < messages.Count; i++)
            {
                decoded[i] = Decode(messages[i]);
            }
        }

        var signups = new List<ConsumedSignup>(messages.Count);
        List<(ConsumeResult<byte[], byte[]> Message, InvalidEvent Problem)>? invalid = null;
        for (var i = 0; i < messages.Count; i++)
        {
            if (decoded[i].Signup is { } signup)
            {
                signups.Add(new(signup, messages[i]));
            }
            else
            {
                (invalid ??= []).Add((messages[i], decoded[i].Problem!));
            }
        }

        if (invalid is not null)
        {
            await deadLetters.PublishAsync(invalid, cancellationToken);
        }

        return batch with { Signups = signups };
    }

    private static (UserSignedUp? Signup, InvalidEvent? Problem) Decode(ConsumeResult<byte[], byte[]> message)
    {
        var version = message.Message.Headers?.TryGetLastBytes(MessageHeaders.SchemaVersion, out var bytes) == true ? bytes : [];
        if (message.Message.Value is not { } value)
        {
            return (null, NoValue);
        }

        return UserSignedUpSerializer.TryDeserialize(value, version, out var signup, out var problem) ? (signup, null) : (null, problem);
    }
}
