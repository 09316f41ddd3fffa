using System.ComponentModel.DataAnnotations;

namespace Signups.ServiceDefaults.Resilience;

/// <summary>Retry and timeout settings, section <c>Resilience</c>.</summary>
public sealed class ResilienceOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Resilience";

    /// <summary>Retries of an idempotent HTTP request after a transient failure.</summary>
    [Range(0, 10)]
    public int HttpMaxRetryAttempts { get; set; } = 3;

    /// <summary>Time one HTTP attempt may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:10:00")]
    public TimeSpan HttpAttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First delay between store retries; doubles up to <see cref="StoreMaxDelay"/>, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan StoreBaseDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Longest delay between store retries. Store calls are retried until they succeed or the service stops.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan StoreMaxDelay { get; set; } = TimeSpan.FromSeconds(5);
}
