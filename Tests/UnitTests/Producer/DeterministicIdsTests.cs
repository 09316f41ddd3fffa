using Signups.Producer.Api;
using Signups.Producer.Idempotency;
using Signups.Producer.Signups;

namespace Signups.UnitTests.Producer;

public sealed class DeterministicIdsTests
{
    [Fact]
    public void NameBasedIdsFollowRfc9562()
    {
        // RFC 9562 appendix A.4: the DNS namespace and "www.example.com".
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), DeterministicIds.NameBased(dns, "www.example.com"));
    }

    [Fact]
    public void TheSameKeyAndSignupAlwaysGiveTheSameEventAndUser()
    {
        var fingerprint = SignupFingerprint.Of(new SignupRequest("ada@example.com", "Ada"));

        var first = DeterministicIds.For("key-1", fingerprint);
        var retry = DeterministicIds.For("key-1", SignupFingerprint.Of(new SignupRequest("ada@example.com", "Ada")));

        Assert.Equal(first, retry);
        Assert.NotEqual(first.EventId, first.UserId);
        Assert.Equal(5, first.EventId.Version);
    }

    [Fact]
    public void AnotherKeyOrAnotherSignupGivesOtherIds()
    {
        var ada = SignupFingerprint.Of(new SignupRequest("ada@example.com", "Ada"));
        var bob = SignupFingerprint.Of(new SignupRequest("bob@example.com", "Ada"));

        Assert.NotEqual(DeterministicIds.For("key-1", ada), DeterministicIds.For("key-2", ada));
        Assert.NotEqual(DeterministicIds.For("key-1", ada), DeterministicIds.For("key-1", bob));
    }
}
