using Signups.Producer.Signups;

namespace Signups.Producer.Idempotency;

/// <summary>A keyed signup being published: whose body it is, and its outcome once known.</summary>
internal sealed class InFlightSignup(byte[] fingerprint)
{
    public byte[] Fingerprint { get; } = fingerprint;

    public TaskCompletionSource<SignupOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
