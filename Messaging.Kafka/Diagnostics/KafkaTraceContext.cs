using System.Diagnostics;
using System.Text;
using Confluent.Kafka;

namespace Signups.Messaging.Kafka.Diagnostics;

/// <summary>Carries W3C trace context (traceparent, tracestate) in Kafka message headers.</summary>
public static class KafkaTraceContext
{
    /// <summary>Writes <paramref name="activity"/>'s context into <paramref name="headers"/>; nothing when there is no activity.</summary>
    public static void Inject(Activity? activity, Headers headers)
    {
        if (activity is null)
        {
            return;
        }

        DistributedContextPropagator.Current.Inject(activity, headers, static (carrier, name, value) =>
        {
            if (carrier is Headers target && value is not null)
            {
                target.Remove(name);
                target.Add(name, Encoding.UTF8.GetBytes(value));
            }
        });
    }

    /// <summary>The remote parent context carried by <paramref name="headers"/>, or default when there is none.</summary>
    public static ActivityContext Extract(Headers? headers)
    {
        if (headers is null)
        {
            return default;
        }

        DistributedContextPropagator.Current.ExtractTraceIdAndState(headers, static (carrier, name, out value, out values) =>
        {
            values = null;
            value = carrier is Headers source && source.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
        }, out var traceParent, out var traceState);

        return ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var context) ? context : default;
    }
}
