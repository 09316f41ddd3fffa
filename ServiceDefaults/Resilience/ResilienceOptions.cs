using System.ComponentModel.DataAnnotations;

namespace Signups.ServiceDefaults.Resilience;

/// <summary>The store's retry settings, section <c>Resilience</c> (HTTP calls use the standard resilience handler's).</summary>
public sealed class ResilienceOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Resilience";

    /// <summary>First delay between store retries; doubles up to <see cref="StoreMaxDelay"/>, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan StoreBaseDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Longest delay between store retries. Store calls are retried until they succeed or the service stops.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan StoreMaxDelay { get; set; } = TimeSpan.FromSeconds(5);
}
