using Confluent.Kafka;

namespace Signups.Consuming;

/// <summary>
/// Reads a batch as <see cref="UserSignedUp"/> events. Messages that are not valid events go to the dead-letter
/// topic, all of a batch's at once, acknowledged before this returns, so the batch's offsets may move past them.
/// </summary>
public sealed class SignupEventReader(DeadLetterPublisher deadLetters) : IMessageBatchReader
{
    private static readonly InvalidEvent NoValue = new(InvalidEvent.InvalidEventShape, "The message has no value.");

    public async ValueTask<MessageBatch> ReadAsync(MessageBatch batch, CancellationToken cancellationToken)
    {
        var signups = new List<ConsumedSignup>(batch.Messages.Count);
        List<(ConsumeResult<byte[], byte[]> Message, InvalidEvent Problem)>? invalid = null;
        foreach (var message in batch.Messages)
        {
            var (signup, problem) = Decode(message);
            if (signup is not null)
            {
                signups.Add(new(signup, message));
            }
            else
            {
                (invalid ??= []).Add((message, problem!));
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
