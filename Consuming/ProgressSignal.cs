namespace Signups.Consuming;

/// <summary>
/// Tells the consume thread that a processor persisted something, so a wait for room ends at once rather than at
/// its timeout. Latching, not counting: a notification nobody waited for wakes the next wait once, and a million
/// of them cost nothing (a semaphore released per batch would overflow after 2^31 batches).
/// </summary>
internal sealed class ProgressSignal : IDisposable
{
    private readonly ManualResetEventSlim _event = new(initialState: false);

    public void Notify() => _event.Set();

    /// <summary>Waits for a notification or <paramref name="timeout"/>; callers check their condition again either way.</summary>
    public void Wait(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        _event.Wait(timeout, cancellationToken);
        _event.Reset();
    }

    public void Dispose() => _event.Dispose();
}
