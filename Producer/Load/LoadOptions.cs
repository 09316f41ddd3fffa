namespace Signups.Producer.Load;

/// <summary>What <c>Signups.Producer load</c> was asked to do.</summary>
/// <param name="Count">Signups to publish; 0 runs until Ctrl+C or SIGTERM.</param>
/// <param name="Rate">Signups per second; 0 publishes as fast as Kafka acknowledges.</param>
/// <param name="SummaryPath">Where to write the closing summary as JSON, if anywhere.</param>
/// <param name="ConfirmedIdsPath">Where to write the ids of every confirmed event (one <c>eventId userId</c> per line), if anywhere.</param>
internal sealed record LoadOptions(long Count, int Rate, string? SummaryPath, string? ConfirmedIdsPath = null);
