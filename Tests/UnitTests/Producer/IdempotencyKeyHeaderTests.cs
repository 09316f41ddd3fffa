using Microsoft.Extensions.Primitives;
using Signups.Producer.Idempotency;

namespace Signups.UnitTests.Producer;

public sealed class IdempotencyKeyHeaderTests
{
    [Fact]
    public void NoHeaderIsNoKeyAndNoError()
    {
        var (key, error) = IdempotencyKey.Read(StringValues.Empty);

        Assert.Null(key);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("8e0f1c3a-4b6d-4c1e-9f7a-2d5b8c9e0a1b")]
    [InlineData("client-42:order/7")]
    public void VisibleAsciiKeysAreAccepted(string key)
    {
        var (read, error) = IdempotencyKey.Read(key);

        Assert.Equal(key, read);
        Assert.Null(error);
    }

    [Fact]
    public void AKeyOf255IsAcceptedAnd256IsNot()
    {
        Assert.Null(IdempotencyKey.Read(new string('k', 255)).Error);
        Assert.Contains("255", IdempotencyKey.Read(new string('k', 256)).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("with space")]
    [InlineData("ünïcode")]
    public void EmptyOrNonAsciiKeysAreRefused(string key) => Assert.NotNull(IdempotencyKey.Read(key).Error);

    [Fact]
    public void TwoKeyHeadersAreRefused() => Assert.NotNull(IdempotencyKey.Read(new StringValues(["a", "b"])).Error);
}
