using System.Runtime.InteropServices;
using System.Text;

namespace Signups.Messaging.Kafka.Native;

/// <summary>
/// Asks librdkafka itself whether each configuration property exists and takes the value given,
/// without creating a client, so a typo fails start-up with the property's name instead of at first use.
/// </summary>
internal static partial class LibrdkafkaConfigCheck
{
    private const int ConfOk = 0;

    /// <summary>Each property librdkafka refuses, with its reason; empty when all are accepted.</summary>
    public static IReadOnlyList<(string Property, string Reason)> Check(IEnumerable<KeyValuePair<string, string>> properties)
    {
        Librdkafka.EnsureAvailable();
        var problems = new List<(string, string)>();
        var conf = rd_kafka_conf_new();
        try
        {
            var error = new byte[512];
            foreach (var (name, value) in properties)
            {
                // Confluent.Kafka's own settings (dotnet.*) never reach librdkafka.
                if (name.StartsWith("dotnet.", StringComparison.Ordinal) || value is null)
                {
                    continue;
                }

                if (rd_kafka_conf_set(conf, name, value, error, (nuint)error.Length) != ConfOk)
                {
                    var length = Array.IndexOf(error, (byte)0);
                    problems.Add((name, Encoding.UTF8.GetString(error, 0, length < 0 ? error.Length : length)));
                }
            }
        }
        finally
        {
            rd_kafka_conf_destroy(conf);
        }

        return problems;
    }

    [LibraryImport(Librdkafka.LibraryName)]
    private static partial nint rd_kafka_conf_new();

    [LibraryImport(Librdkafka.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int rd_kafka_conf_set(nint conf, string name, string value, byte[] errstr, nuint errstrSize);

    [LibraryImport(Librdkafka.LibraryName)]
    private static partial void rd_kafka_conf_destroy(nint conf);
}
