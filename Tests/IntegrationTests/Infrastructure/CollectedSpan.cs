namespace Signups.IntegrationTests.Infrastructure;

/// <summary>A span a service exported over OTLP.</summary>
/// <param name="Service">The exporting service's <c>service.name</c>.</param>
/// <param name="Name">Span name.</param>
/// <param name="TraceId">Trace id, hex.</param>
/// <param name="SpanId">Span id, hex.</param>
/// <param name="ParentSpanId">Parent span id, hex, or empty for a root.</param>
/// <param name="LinkedTraceIds">Trace ids of its links.</param>
internal sealed record CollectedSpan(string Service, string Name, string TraceId, string SpanId, string ParentSpanId, IReadOnlyList<string> LinkedTraceIds);
