namespace Signups.IntegrationTests.Infrastructure;

/// <summary>
/// Reads ExportTraceServiceRequest (opentelemetry-proto trace/v1) from protobuf wire format: resource
/// attributes (service.name) and each span's ids, name and links. Unknown fields are skipped.
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
