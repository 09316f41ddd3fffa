using System.Collections.Concurrent;
using Signups.Producer.Signups;

namespace Signups.Producer.Idempotency;

/// <summary>
/// Keyed signups this process is publishing now. A second request with the same key waits for the first's
/// answer instead of publishing again (a 409 would only make the client retry into the same wait).
/// Across Producer processes the store's row and the deterministic event id keep it exactly once.
/// </summary>
internal sealed class InFlightSignups
{
    private readonly ConcurrentDictionary<string, InFlightSignup> _signups = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="key"/> as ours, or returns the request already publishing it.</summary>
    public (InFlightSignup Signup, bool Owner) Join(string key, byte[] fingerprint)
    {
        var mine = new InFlightSignup(fingerprint);
        var current = _signups.GetOrAdd(key, mine);
        return (current, ReferenceEquals(current, mine));
    }

    /// <summary>Ends our claim on <paramref name="key"/> with <paramref name="outcome"/>, releasing whoever waits.</summary>
    public void Complete(string key, InFlightSignup signup, SignupOutcome outcome)
    {
        _signups.TryRemove(KeyValuePair.Create(key, signup));
        signup.Outcome.TrySetResult(outcome);
    }
}
