namespace Signups.ServiceDefaults.Resilience;

/// <summary>Names of the pipelines in the <c>ResiliencePipelineProvider&lt;string&gt;</c>.</summary>
public static class ResiliencePipelineNames
{
    /// <summary>
    /// For writes to a service's own store: retried with capped exponential backoff until they succeed or
    /// the service stops, so a busy or briefly unreachable database stalls the stream instead of skipping a message.
    /// </summary>
    public const string Store = "store";
}
