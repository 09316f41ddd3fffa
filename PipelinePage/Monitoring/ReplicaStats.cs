using Signups.Consuming;

namespace Signups.PipelinePage.Monitoring;

/// <summary>One replica's answer to <c>GET /stats</c>.</summary>
/// <param name="Replica">The replica name.</param>
/// <param name="ProcessId">Its process; a new one means its counters started again from zero.</param>
/// <param name="Stats">What it answered.</param>
internal sealed record ReplicaStats(string Replica, int? ProcessId, ConsumerStats Stats);
