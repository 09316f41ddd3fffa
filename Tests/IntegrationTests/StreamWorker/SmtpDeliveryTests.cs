using Signups.IntegrationTests.Infrastructure;

namespace Signups.IntegrationTests.StreamWorker;

public sealed class SmtpDeliveryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task WithAnSmtpServerEveryWelcomeEmailIsSentThereOnceAndMarkedSent()
    {
        await using var smtp = new SmtpSink();
        await using var graph = await TestGraph.StartAsync(options =>
            options.Environment["stream-worker"] = new() { ["ConnectionStrings__smtp"] = smtp.ConnectionString });
        using var kafka = new KafkaTestClient(graph.BootstrapServers);
        var accepted = await kafka.PublishSignupsAsync(50, prefix: "smtp");

        await Eventually.WaitAsync("every welcome email is marked sent",
            _ => graph.Stores.ScalarAsync(graph.Stores.UsersDb, "SELECT count(*) FROM welcome_emails WHERE sent_at IS NOT NULL"),
            sent => sent == accepted.Count, Timeout);

        var received = smtp.Received;
        List<string?> expected = [.. accepted.Select(a => $"<{a.EventId}@signups.local>").Order()];
        Assert.Equal(expected, received.Select(m => m.MessageId).Order().ToList());
        Assert.All(received, mail =>
        {
            var recipient = Assert.Single(mail.To);
            Assert.EndsWith("@example.com>", recipient, StringComparison.Ordinal);
            Assert.Contains("welcome@signups.example", mail.From, StringComparison.Ordinal);
        });
        Assert.False(Directory.Exists(graph.Stores.MailDirectory) && Directory.EnumerateFiles(graph.Stores.MailDirectory).Any(),
            "with an SMTP server configured nothing should go to the pickup directory");
    }
}
