namespace Signups.IntegrationTests.Infrastructure;

/// <summary>
/// Kafka's default partitioner for keyed messages, as the Java client computes it (Utils.murmur2, then
/// toPositive(hash) % partitions): what librdkafka's <c>murmur2_random</c> must agree with.
/// </summary>
internal static class KafkaMurmur2
{
    public static int Partition(byte[] key, int partitions) => (Hash(key) & 0x7fffffff) % partitions;

    public static int Hash(byte[] data)
    {
        const uint seed = 0x9747b28c;
        const uint m = 0x5bd1e995;
        const int r = 24;
        var length = data.Length;
        var h = seed ^ (uint)length;
        var quads = length / 4;
        for (var i = 0; i < quads; i++)
        {
            var k = (uint)(data[i * 4] | (data[(i * 4) + 1] << 8) | (data[(i * 4) + 2] << 16) | (data[(i * 4) + 3] << 24));
            k *= m;
            k ^= k >> r;
            k *= m;
            h *= m;
            h ^= k;
        }

        var tail = quads * 4;
        switch (length % 4)
        {
            case 3:
                h ^= (uint)data[tail + 2] << 16;
                goto case 2;
            case 2:
                h ^= (uint)data[tail + 1] << 8;
                goto case 1;
            case 1:
                h ^= data[tail];
                h *= m;
                break;
        }

        h ^= h >> 13;
        h *= m;
        h ^= h >> 15;
        return (int)h;
    }
}
