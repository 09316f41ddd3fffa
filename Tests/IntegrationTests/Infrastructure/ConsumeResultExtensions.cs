using System.Text;
using Confluent.Kafka;

namespace Signups.IntegrationTests.Infrastructure;

internal static class ConsumeResultExtensions
{
    /// <summary>The last value of header <paramref name="name"/> as UTF-8 text, or null when the message has none.</summary>
    public static string? HeaderText(this ConsumeResult<byte[], byte[]> message, string name) =>
        message.Message.Headers.TryGetLastBytes(name, out var value) ? Encoding.UTF8.GetString(value) : null;
}
