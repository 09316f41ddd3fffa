using System.ComponentModel.DataAnnotations;

namespace Signups.StreamWorker.WelcomeEmails;

/// <summary>How welcome emails leave, section <c>WelcomeEmail</c>; <c>ConnectionStrings:smtp</c> switches from the pickup directory to SMTP.</summary>
internal sealed class WelcomeEmailOptions
{
    public const string SectionName = "WelcomeEmail";

    /// <summary>Where one .eml file per email is written when no SMTP server is configured.</summary>
    [Required]
    public string PickupDirectory { get; set; } = ".data/mail";

    /// <summary>The sender, as <c>Name &lt;address&gt;</c>.</summary>
    [Required]
    public string From { get; set; } = "Signups <welcome@signups.example>";

    /// <summary>Emails claimed and sent per round.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>After this, an email claimed by a dispatcher that did not mark it sent (it crashed) may be sent by another.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the outbox is checked when nothing wakes the dispatcher.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
