using Signups.Producer.Api;

namespace Signups.Producer.Signups;

/// <summary>The end of one signup attempt: the ids when it was stored, otherwise why not.</summary>
internal sealed record SignupOutcome(SignupOutcomeKind Kind, SignupAccepted? Accepted, string? Problem)
{
    public static SignupOutcome Stored(Guid eventId, Guid userId, bool replayed) =>
        new(replayed ? SignupOutcomeKind.Replayed : SignupOutcomeKind.Accepted, new SignupAccepted(eventId, userId), null);

    public static SignupOutcome KeyReused(string key) => new(SignupOutcomeKind.KeyReused, null,
        $"The Idempotency-Key '{key}' was first used with a different signup; use a new key for a new signup.");

    public static SignupOutcome Unavailable(string problem) => new(SignupOutcomeKind.Unavailable, null, problem);
}
