using System.Diagnostics.Metrics;

namespace Signups.Producer.Publishing;

/// <summary>Kafka's answers to the API's publishes: how many, which, and how long each took.</summary>
internal sealed class PublishMetrics
{
    /// <summary>The meter, added to OpenTelemetry by <c>AddSignupPublisher</c>.</summary>
    public const string MeterName = "Signups.Producer";

    private static readonly KeyValuePair<string, object?> Stored = new("signups.outcome", "stored");
    private static readonly KeyValuePair<string, object?> Failed = new("signups.outcome", "failed");

    private readonly Counter<long> _acknowledgements;
    private readonly Histogram<double> _duration;

    public PublishMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _acknowledgements = meter.CreateCounter<long>("signups.producer.acknowledgements", "{event}",
            "Kafka's answers to published events, by outcome: stored (acknowledged with an offset) or failed (given up).");
        _duration = meter.CreateHistogram<double>("signups.producer.acknowledgement.duration", "s",
            "Time from publishing an event to Kafka's answer.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10] });
    }

    public void Answered(bool stored, TimeSpan elapsed)
    {
        var outcome = stored ? Stored : Failed;
        _acknowledgements.Add(1, outcome);
        _duration.Record(elapsed.TotalSeconds, outcome);
    }
}
