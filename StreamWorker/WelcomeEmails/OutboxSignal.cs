namespace Signups.StreamWorker.WelcomeEmails;

/// <summary>Wakes the dispatcher when emails were queued, so it need not poll often.</summary>
internal sealed class OutboxSignal
{
    private readonly SemaphoreSlim _queued = new(0, 1);

    public void Notify()
    {
        try
        {
            _queued.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; the dispatcher will see every queued email.
        }
    }

    /// <summary>Waits until emails were queued or <paramref name="timeout"/> passed.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _queued.WaitAsync(timeout, cancellationToken);
}
