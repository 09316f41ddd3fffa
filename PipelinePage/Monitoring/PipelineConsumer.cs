namespace Signups.PipelinePage.Monitoring;

/// <summary>A resource that consumes the pipeline's topic as a consumer group and answers <c>GET /stats</c>; bound from <c>Pipeline:Consumers:N</c>.</summary>
/// <param name="Resource">The resource name (<c>stream-worker</c>).</param>
/// <param name="Group">Its consumer group.</param>
internal sealed record PipelineConsumer(string Resource, string Group);
