using System.Data.Common;
using Microsoft.Extensions.Options;

namespace Signups.Producer.Idempotency;

/// <summary>Deletes expired Idempotency-Keys now and then, so the store holds about one retention period of keys.</summary>
internal sealed partial class IdempotencyPurger(IIdempotencyStore store, IOptions<IdempotencyOptions> options, ILogger<IdempotencyPurger> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval);
        do
        {
            try
            {
                if (await store.PurgeExpiredAsync(stoppingToken) is > 0 and var purged)
                {
                    LogPurged(logger, purged);
                }
            }
            catch (DbException e)
            {
                // Expired keys are ignored on lookup anyway; the next round tries again.
                LogPurgeFailed(logger, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Deleted {Count} expired idempotency keys")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Could not delete expired idempotency keys: {Reason}")]
    private static partial void LogPurgeFailed(ILogger logger, string reason);
}
