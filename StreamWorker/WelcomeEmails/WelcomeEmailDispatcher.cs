using System.Diagnostics;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using Signups.Messaging.Kafka.Diagnostics;
using Signups.ServiceDefaults.Resilience;

namespace Signups.StreamWorker.WelcomeEmails;

/// <summary>
/// Sends what the outbox holds: claims a round of unsent emails, sends each, marks them sent. Woken when
/// emails are queued, and every poll interval. On stop it finishes the round in hand; the rest waits in
/// the outbox for the next start.
/// </summary>
internal sealed partial class WelcomeEmailDispatcher(
    IWelcomeEmailOutbox outbox,
    IWelcomeEmailSender sender,
    OutboxSignal signal,
    ResiliencePipelineProvider<string> pipelines,
    IOptions<WelcomeEmailOptions> options,
    ILogger<WelcomeEmailDispatcher> logger) : BackgroundService
{
    private readonly string _name = $"{Environment.MachineName}:{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var store = pipelines.GetPipeline(ResiliencePipelineNames.Store);
        LogSendingTo(logger, sender.Destination);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
                IReadOnlyList<WelcomeEmail> claimed;
                do
                {
                    claimed = await store.ExecuteAsync(async token => await outbox.ClaimAsync(_name, settings.BatchSize, settings.ClaimTimeout, token), stoppingToken);
                    await SendAsync(claimed, store);
                }
                while (claimed.Count == settings.BatchSize && !stoppingToken.IsCancellationRequested);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    // A claimed round is finished even when stopping: sent emails must be marked, or they would go out again.
    private async Task SendAsync(IReadOnlyList<WelcomeEmail> claimed, ResiliencePipeline store)
    {
        var sent = new List<long>(claimed.Count);
        var failed = new List<long>();
        foreach (var email in claimed)
        {
            using var activity = KafkaTelemetry.ActivitySource.StartActivity("welcome_email send", ActivityKind.Producer,
                ActivityContext.TryParse(email.TraceParent, null, out var parent) ? parent : default);
            activity?.SetTag("signups.event_id", email.EventId);
            try
            {
                await sender.SendAsync(email, CancellationToken.None);
                sent.Add(email.Id);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Net.Mail.SmtpException or InvalidOperationException)
            {
                activity?.SetStatus(ActivityStatusCode.Error, e.Message);
                LogSendFailed(logger, email.EventId, sender.Destination, e.Message);
                failed.Add(email.Id);
            }
        }

        await store.ExecuteAsync(async token => await outbox.MarkSentAsync(sent, token), CancellationToken.None);
        await store.ExecuteAsync(async token => await outbox.ReleaseAsync(failed, token), CancellationToken.None);
        if (sent.Count > 0)
        {
            LogSent(logger, sent.Count, sender.Destination);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Welcome emails go to {Destination}")]
    private static partial void LogSendingTo(ILogger logger, string destination);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Sent {Count} welcome email(s) to {Destination}")]
    private static partial void LogSent(ILogger logger, int count, string destination);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Welcome email for event {EventId} could not be sent to {Destination}: {Reason}; it stays in the outbox")]
    private static partial void LogSendFailed(ILogger logger, Guid eventId, string destination, string reason);
}
