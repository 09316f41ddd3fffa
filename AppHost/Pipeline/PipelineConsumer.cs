namespace Signups.AppHost.Pipeline;

/// <summary>A resource that consumes the pipeline's topic as a consumer group and answers <c>GET /stats</c>.</summary>
/// <param name="Resource">The resource name (<c>stream-worker</c>).</param>
/// <param name="Group">Its consumer group.</param>
public sealed record PipelineConsumer(string Resource, string Group);
