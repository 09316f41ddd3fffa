using System.Diagnostics;
using System.Text;
using Signups.Messaging;
using Signups.Producer.Publishing;

namespace Signups.UnitTests.Producer;

public sealed class SignupMessageTests
{
    private static readonly UserSignedUp Signup = new(Guid.CreateVersion7(), Guid.CreateVersion7(), "ada@example.com", "Ada", DateTimeOffset.UtcNow);

    [Fact]
    public void TheKeyIsTheUserIdAndTheValueTheEvent()
    {
        var message = SignupPublisher.ToMessage(Signup, null);

        Assert.Equal(Signup.UserId.ToString(), Encoding.UTF8.GetString(message.Key));
        Assert.True(UserSignedUpSerializer.TryDeserialize(message.Value, "1"u8, out var read, out _));
        Assert.Equal(Signup, read);
    }

    [Fact]
    public void HeadersCarryTheTypeTheSchemaVersionAndTheCallersTrace()
    {
        using var activity = new Activity("POST /signups").SetIdFormat(ActivityIdFormat.W3C).Start();

        var headers = SignupPublisher.ToMessage(Signup, activity).Headers;

        Assert.Equal("UserSignedUp", Encoding.UTF8.GetString(headers.GetLastBytes(MessageHeaders.EventType)));
        Assert.Equal("1", Encoding.UTF8.GetString(headers.GetLastBytes(MessageHeaders.SchemaVersion)));
        Assert.Equal(activity.Id, Encoding.UTF8.GetString(headers.GetLastBytes(MessageHeaders.TraceParent)));
    }

    [Fact]
    public void WithoutATraceThereIsNoTraceparent() =>
        Assert.False(SignupPublisher.ToMessage(Signup, null).Headers.TryGetLastBytes(MessageHeaders.TraceParent, out _));
}
