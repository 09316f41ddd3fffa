using Signups.StreamWorker.WelcomeEmails;

namespace Signups.UnitTests.StreamWorker;

public sealed class SmtpEndpointTests
{
    [Theory]
    [InlineData("Endpoint=smtp://mail.local:1025", "mail.local", 1025, false)]
    [InlineData("smtps://mail.example.com", "mail.example.com", 465, true)]
    [InlineData("localhost:2525", "localhost", 2525, false)]
    public void AspireStyleConnectionStringsAreRead(string connectionString, string host, int port, bool tls) =>
        Assert.Equal(new SmtpEndpoint(host, port, tls), SmtpEndpoint.TryParse(connectionString));

    [Theory]
    [InlineData("Endpoint=http://mail.local")]
    [InlineData("not a url at all")]
    public void AnythingElseIsRefused(string connectionString) => Assert.Null(SmtpEndpoint.TryParse(connectionString));
}
