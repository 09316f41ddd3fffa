using System.Text;
using Signups.Messaging;

namespace Signups.UnitTests.Messaging;

public sealed class UserSignedUpSerializerTests
{
    private static readonly UserSignedUp Signup = new(Guid.CreateVersion7(), Guid.CreateVersion7(), "ada@example.com", "Ada Lovelace", DateTimeOffset.UtcNow);

    [Fact]
    public void AnEventReadsBackAsItWasWritten()
    {
        var json = UserSignedUpSerializer.Serialize(Signup);

        Assert.True(UserSignedUpSerializer.TryDeserialize(json, UserSignedUpSerializer.SchemaVersionHeaderValue, out var read, out var problem), problem?.Message);
        Assert.Equal(Signup, read);
    }

    [Fact]
    public void TheJsonUsesCamelCaseNames()
    {
        var json = Encoding.UTF8.GetString(UserSignedUpSerializer.Serialize(Signup));

        Assert.Contains("\"eventId\":", json, StringComparison.Ordinal);
        Assert.Contains("\"signedUpAt\":", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all", InvalidEvent.InvalidJson)]
    [InlineData("{\"eventId\":", InvalidEvent.InvalidJson)]
    [InlineData("[1,2,3]", InvalidEvent.InvalidEventShape)]
    [InlineData("{\"eventId\":\"5f0c6b0e-6a3f-4b8e-9d1e-1b2c3d4e5f60\"}", InvalidEvent.InvalidEventShape)]
    [InlineData("{\"eventId\":42,\"userId\":\"5f0c6b0e-6a3f-4b8e-9d1e-1b2c3d4e5f60\",\"email\":\"a@b.co\",\"name\":\"A\",\"signedUpAt\":\"2026-01-01T00:00:00Z\"}", InvalidEvent.InvalidEventShape)]
    [InlineData("{\"eventId\":\"00000000-0000-0000-0000-000000000000\",\"userId\":\"5f0c6b0e-6a3f-4b8e-9d1e-1b2c3d4e5f60\",\"email\":\"a@b.co\",\"name\":\"A\",\"signedUpAt\":\"2026-01-01T00:00:00Z\"}", InvalidEvent.InvalidEventShape)]
    [InlineData("{\"eventId\":\"5f0c6b0e-6a3f-4b8e-9d1e-1b2c3d4e5f61\",\"userId\":\"5f0c6b0e-6a3f-4b8e-9d1e-1b2c3d4e5f60\",\"email\":\"nope\",\"name\":\"A\",\"signedUpAt\":\"2026-01-01T00:00:00Z\"}", InvalidEvent.InvalidEventShape)]
    [InlineData("{\"eventId\":\"5f0c6b0e-6a3f-4b8e-9d1e-1b2c3d4e5f61\",\"userId\":\"5f0c6b0e-6a3f-4b8e-9d1e-1b2c3d4e5f60\",\"email\":\"a@b.co\",\"name\":null,\"signedUpAt\":\"2026-01-01T00:00:00Z\"}", InvalidEvent.InvalidEventShape)]
    public void AMalformedMessageIsRefusedWithItsReason(string value, string reason)
    {
        var valid = UserSignedUpSerializer.TryDeserialize(Encoding.UTF8.GetBytes(value), [], out _, out var problem);

        Assert.False(valid);
        Assert.Equal(reason, problem!.Reason);
    }

    [Fact]
    public void AnUnknownSchemaVersionIsRefused()
    {
        var valid = UserSignedUpSerializer.TryDeserialize(UserSignedUpSerializer.Serialize(Signup), "2"u8, out _, out var problem);

        Assert.False(valid);
        Assert.Equal(InvalidEvent.UnsupportedSchemaVersion, problem!.Reason);
    }
}
