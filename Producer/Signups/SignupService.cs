using Confluent.Kafka;
using System.Data.Common;
using Microsoft.Extensions.Options;
using Signups.Messaging;
using Signups.Producer.Api;
using Signups.Producer.Idempotency;
using Signups.Producer.Publishing;

namespace Signups.Producer.Signups;

/// <summary>
/// Turns a checked signup into a stored event: without an Idempotency-Key, new ids and one publish; with one,
/// the key's first answer when there is one, otherwise a publish of the key's deterministic event.
/// </summary>
internal sealed partial class SignupService(
    SignupPublisher publisher,
    IIdempotencyStore store,
    InFlightSignups inFlight,
    IOptions<PublisherOptions> options,
    TimeProvider clock,
    ILogger<SignupService> logger)
{
    // A request waiting for another with its key waits at most as long as that one can take, and a little more.
    private readonly TimeSpan _waitForOther = options.Value.DeliveryTimeout + TimeSpan.FromSeconds(5);

    public Task<SignupOutcome> SubmitAsync(SignupRequest request, string? idempotencyKey) => idempotencyKey is null
        ? PublishAsync(new UserSignedUp(Guid.CreateVersion7(), Guid.CreateVersion7(), request.Email, request.Name, clock.GetUtcNow()))
        : SubmitOnceAsync(request, idempotencyKey);

    private async Task<SignupOutcome> SubmitOnceAsync(SignupRequest request, string key)
    {
        var fingerprint = SignupFingerprint.Of(request);
        var (signup, owner) = inFlight.Join(key, fingerprint);
        if (!owner)
        {
            if (!signup.Fingerprint.AsSpan().SequenceEqual(fingerprint))
            {
                return SignupOutcome.KeyReused(key);
            }

            try
            {
                // The first request published; for this one it is a replay.
                var first = await signup.Outcome.Task.WaitAsync(_waitForOther);
                return first.Kind == SignupOutcomeKind.Accepted ? first with { Kind = SignupOutcomeKind.Replayed } : first;
            }
            catch (TimeoutException)
            {
                return SignupOutcome.Unavailable($"Another request with this Idempotency-Key did not finish within {_waitForOther.TotalSeconds:0} s; retry later with the same key.");
            }
        }

        var outcome = SignupOutcome.Unavailable("The signup was interrupted; retry with the same Idempotency-Key.");
        try
        {
            outcome = await PublishOnceAsync(request, key, fingerprint);
            return outcome;
        }
        finally
        {
            inFlight.Complete(key, signup, outcome);
        }
    }

    private async Task<SignupOutcome> PublishOnceAsync(SignupRequest request, string key, byte[] fingerprint)
    {
        var (eventId, userId) = DeterministicIds.For(key, fingerprint);
        IdempotencyRecord record;
        try
        {
            record = await store.BeginAsync(key, new IdempotencyRecord(fingerprint, eventId, userId, clock.GetUtcNow(), Accepted: false));
        }
        catch (DbException e)
        {
            LogStoreFailed(logger, e.Message);
            return SignupOutcome.Unavailable("The idempotency store did not answer; retry later with the same Idempotency-Key.");
        }

        if (!record.Fingerprint.AsSpan().SequenceEqual(fingerprint))
        {
            return SignupOutcome.KeyReused(key);
        }

        if (record.Accepted)
        {
            return SignupOutcome.Stored(record.EventId, record.UserId, replayed: true);
        }

        // New, or an attempt whose outcome is unknown: publish the same event (same ids, same timestamp) again.
        var outcome = await PublishAsync(new UserSignedUp(record.EventId, record.UserId, request.Email, request.Name, record.SignedUpAt));
        if (outcome.Kind == SignupOutcomeKind.Accepted)
        {
            try
            {
                await store.MarkAcceptedAsync(key);
            }
            catch (DbException e)
            {
                // Kafka has the event, so the answer is 202. A retry finds the row unmarked and publishes the same
                // event id again, which the consumers drop.
                LogMarkFailed(logger, e.Message);
            }
        }

        return outcome;
    }

    private async Task<SignupOutcome> PublishAsync(UserSignedUp signup)
    {
        try
        {
            await publisher.PublishAsync(signup);
            return SignupOutcome.Stored(signup.EventId, signup.UserId, replayed: false);
        }
        catch (KafkaException e)
        {
            LogNotStored(logger, signup.EventId, e.Error.Code, e.Error.Reason);
            return SignupOutcome.Unavailable(
                $"Kafka did not store the signup ({e.Error.Reason}). Retry later; send an Idempotency-Key to make the retry safe.");
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Signup event {EventId} was not stored: {Code} {Reason}")]
    private static partial void LogNotStored(ILogger logger, Guid eventId, ErrorCode code, string reason);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "The idempotency store did not answer: {Reason}")]
    private static partial void LogStoreFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Kafka stored a keyed signup but the idempotency store could not record it: {Reason}")]
    private static partial void LogMarkFailed(ILogger logger, string reason);
}
