namespace Signups.Messaging;

/// <summary>
/// A user signed up. Published on the signups topic keyed by <see cref="UserId"/>, so one user's
/// events stay in order on one partition.
/// </summary>
/// <param name="EventId">Unique per event; consumers use it to recognise a redelivery.</param>
/// <param name="UserId">The new user's id, assigned at signup.</param>
/// <param name="Email">Where the welcome email goes.</param>
/// <param name="Name">The name the user gave.</param>
/// <param name="SignedUpAt">When the Producer accepted the signup.</param>
public sealed record UserSignedUp(Guid EventId, Guid UserId, string Email, string Name, DateTimeOffset SignedUpAt)
{
    /// <summary>The version of this JSON shape, carried in the <see cref="MessageHeaders.SchemaVersion"/> header.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The event type, carried in the <see cref="MessageHeaders.EventType"/> header.</summary>
    public const string EventType = "UserSignedUp";
}
