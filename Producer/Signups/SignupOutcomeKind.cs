namespace Signups.Producer.Signups;

/// <summary>How a signup ended.</summary>
internal enum SignupOutcomeKind
{
    /// <summary>Kafka acknowledged the event (202).</summary>
    Accepted,

    /// <summary>An earlier request with the same Idempotency-Key was accepted; its answer is given again (202), nothing is published.</summary>
    Replayed,

    /// <summary>The Idempotency-Key was first used with another body (422); nothing is published.</summary>
    KeyReused,

    /// <summary>Kafka did not acknowledge the event in time, or the idempotency store did not answer (503).</summary>
    Unavailable,
}
