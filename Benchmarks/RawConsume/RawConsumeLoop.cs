using System.Diagnostics;
using Confluent.Kafka;

namespace Signups.Benchmarks.RawConsume;

/// <summary>
/// The yardstick for the workers: a plain Confluent.Kafka consume loop as in Confluent's examples (default
/// settings, a group of its own, from the earliest offset), reading the same topic on the same broker and doing
/// nothing with the messages. Timed from the first message to the last, as the workers are.
/// </summary>
internal static class RawConsumeLoop
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromMinutes(3);

    public static RawConsumeResult Run(string bootstrapServers, string topic, string group, long count)
    {
        var config = new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = group, AutoOffsetReset = AutoOffsetReset.Earliest };
        using var consumer = new ConsumerBuilder<byte[], byte[]>(config).Build();
        consumer.Subscribe(topic);
        var deadline = Stopwatch.StartNew();
        long consumed = 0;
        long first = 0, last = 0;
        while (consumed < count && deadline.Elapsed < GiveUp)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (result?.Message is null)
            {
                continue;
            }

            last = Stopwatch.GetTimestamp();
            if (consumed++ == 0)
            {
                first = last;
            }
        }

        consumer.Close();
        var seconds = Stopwatch.GetElapsedTime(first, last).TotalSeconds;
        return new RawConsumeResult(consumed, seconds, seconds > 0 ? consumed / seconds : 0);
    }
}
