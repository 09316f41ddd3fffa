namespace Signups.IntegrationTests.Infrastructure;

/// <summary>
/// Reads OTLP export requests (opentelemetry-proto trace/v1, metrics/v1, logs/v1) from protobuf wire format: the
/// resource's service.name; each span's ids, name and links; each metric's name, unit and data-point attributes; the
/// number of log records. Unknown fields are skipped.
/// </summary>
internal static class OtlpProtobuf
{
    private const int Varint = 0;
    private const int Fixed64 = 1;
    private const int Length = 2;
    private const int Fixed32 = 5;

    public static IEnumerable<CollectedSpan> ReadSpans(byte[] request)
    {
        var spans = new List<CollectedSpan>();
        foreach (var (field, resourceSpans) in Fields(request))
        {
            if (field != 1)
            {
                continue;
            }

            var service = string.Empty;
            foreach (var (rsField, value) in Fields(resourceSpans))
            {
                if (rsField == 1)
                {
                    service = ServiceName(value) ?? service;
                }
                else if (rsField == 2)
                {
                    spans.AddRange(Fields(value).Where(f => f.Field == 2).Select(f => Span(service, f.Value)));
                }
            }
        }

        return spans;
    }

    public static IEnumerable<CollectedMetric> ReadMetrics(byte[] request)
    {
        var metrics = new List<CollectedMetric>();
        foreach (var resourceMetrics in Fields(request).Where(f => f.Field == 1).Select(f => f.Value))
        {
            var fields = Fields(resourceMetrics).ToList();
            var service = fields.Where(f => f.Field == 1).Select(f => ServiceName(f.Value)).FirstOrDefault() ?? string.Empty;
            foreach (var scopeMetrics in fields.Where(f => f.Field == 2).Select(f => f.Value))
            {
                // ScopeMetrics: scope 1 (InstrumentationScope: name 1), metrics 2.
                var scopeFields = Fields(scopeMetrics).ToList();
                var meter = scopeFields.Where(f => f.Field == 1).Select(f => Text(Fields(f.Value).ToList(), 1)).FirstOrDefault() ?? string.Empty;
                metrics.AddRange(scopeFields.Where(f => f.Field == 2).Select(f => Metric(service, meter, f.Value)));
            }
        }

        return metrics;
    }

    /// <summary>Log records per service in an ExportLogsServiceRequest.</summary>
    public static IEnumerable<(string Service, int Records)> ReadLogRecordCounts(byte[] request)
    {
        foreach (var resourceLogs in Fields(request).Where(f => f.Field == 1).Select(f => f.Value))
        {
            var fields = Fields(resourceLogs).ToList();
            var service = fields.Where(f => f.Field == 1).Select(f => ServiceName(f.Value)).FirstOrDefault() ?? string.Empty;
            yield return (service, fields.Where(f => f.Field == 2).Sum(scopeLogs => Fields(scopeLogs.Value).Count(f => f.Field == 2)));
        }
    }

    // Metric: name 1, unit 3; gauge 5, sum 7, histogram 9 (each: data_points 1); a number point's attributes are field 7,
    // a histogram point's field 9.
    private static CollectedMetric Metric(string service, string meter, byte[] metric)
    {
        var fields = Fields(metric).ToList();
        var points = new List<IReadOnlyDictionary<string, string>>();
        foreach (var (field, data) in fields.Where(f => f.Field is 5 or 7 or 9))
        {
            var attributesField = field == 9 ? 9 : 7;
            points.AddRange(Fields(data).Where(f => f.Field == 1).Select(point => Attributes(Fields(point.Value).Where(f => f.Field == attributesField))));
        }

        return new(service, meter, Text(fields, 1), Text(fields, 3), points);
    }

    // KeyValue: key 1, value 2 (AnyValue: string_value 1, int_value 3 as a varint).
    private static Dictionary<string, string> Attributes(IEnumerable<(int Field, byte[] Value)> keyValues)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, keyValue) in keyValues)
        {
            var parts = Fields(keyValue).ToList();
            if (parts.FirstOrDefault(p => p.Field == 2).Value is { } value)
            {
                attributes[Text(parts, 1)] = AnyValueText(value);
            }
        }

        return attributes;
    }

    private static string AnyValueText(byte[] value)
    {
        var position = 0;
        var key = ReadVarint(value, ref position);
        return (key >> 3, key & 7) switch
        {
            (1, Length) => Text([.. Fields(value)], 1),
            (3, Varint) => ((long)ReadVarint(value, ref position)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => string.Empty,
        };
    }

    private static string? ServiceName(byte[] resource)
    {
        foreach (var (field, keyValue) in Fields(resource))
        {
            var parts = Fields(keyValue).ToList();
            if (field == 1 && Text(parts, 1) == "service.name")
            {
                var value = parts.FirstOrDefault(p => p.Field == 2).Value;
                return value is null ? null : Text([.. Fields(value)], 1);
            }
        }

        return null;
    }

    private static CollectedSpan Span(string service, byte[] span)
    {
        var fields = Fields(span).ToList();
        var links = fields.Where(f => f.Field == 13).Select(f => Hex([.. Fields(f.Value)], 1)).ToList();
        return new(service, Text(fields, 5), Hex(fields, 1), Hex(fields, 2), Hex(fields, 4), links);
    }

    private static string Text(List<(int Field, byte[] Value)> fields, int field) =>
        System.Text.Encoding.UTF8.GetString(fields.FirstOrDefault(f => f.Field == field).Value ?? []);

    private static string Hex(List<(int Field, byte[] Value)> fields, int field) =>
        Convert.ToHexStringLower(fields.FirstOrDefault(f => f.Field == field).Value ?? []);

    // The length-delimited fields of a message (scalars are skipped), in order.
    private static IEnumerable<(int Field, byte[] Value)> Fields(byte[] message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var key = ReadVarint(message, ref position);
            var field = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case Varint:
                    ReadVarint(message, ref position);
                    break;
                case Fixed64:
                    position += 8;
                    break;
                case Fixed32:
                    position += 4;
                    break;
                case Length:
                    var length = (int)ReadVarint(message, ref position);
                    yield return (field, message[position..(position + length)]);
                    position += length;
                    break;
                default:
                    throw new InvalidDataException($"Unsupported protobuf wire type in field {field}.");
            }
        }
    }

    private static ulong ReadVarint(byte[] message, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = message[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
