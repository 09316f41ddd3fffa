namespace Signups.PipelinePage.Monitoring;

/// <summary>A service that consumes the pipeline's topic as a consumer group and answers <c>GET /stats</c>.</summary>
internal sealed class PipelineConsumer
{
    /// <summary>The service's name (<c>stream-worker</c>), as service discovery knows it.</summary>
    public string Resource { get; set; } = "";

    /// <summary>Its consumer group.</summary>
    public string Group { get; set; } = "";
}
