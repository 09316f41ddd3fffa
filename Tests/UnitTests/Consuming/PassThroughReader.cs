using Signups.Consuming;

namespace Signups.UnitTests.Consuming;

/// <summary>A batch reader that decodes nothing: the processors' tests are about batching, offsets and stops.</summary>
internal sealed class PassThroughReader : IMessageBatchReader
{
    public ValueTask<MessageBatch> ReadAsync(MessageBatch batch, CancellationToken cancellationToken) => ValueTask.FromResult(batch);
}
