using System.ComponentModel.DataAnnotations;

namespace Signups.Producer.Idempotency;

/// <summary>Section <c>Idempotency</c>.</summary>
internal sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>The connection name of the store (<c>ConnectionStrings:idempotency-db</c>).</summary>
    public const string ConnectionName = "idempotency-db";

    /// <summary>How long a key's first answer is kept and given again.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often keys older than <see cref="Retention"/> are deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
}
