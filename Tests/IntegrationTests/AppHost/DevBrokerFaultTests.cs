using Signups.IntegrationTests.Infrastructure;

namespace Signups.IntegrationTests.AppHost;

public sealed class DevBrokerFaultTests
{
    [Fact]
    public async Task BrokerDownAndUpAgainLosesNoAcknowledgedSignup()
    {
        await using var graph = await TestGraph.StartAsync();
        using var client = new SignupsClient(graph.Producer);
        var accepted = new List<AcceptedSignup>(await client.SignUpManyAsync(200, prefix: "before"));

        await graph.DevBroker.SetBrokerDownAsync(-1, TestContext.Current.CancellationToken);
        var refused = 0;
        await Eventually.WaitAsync("a signup is refused while the broker is down", async _ =>
        {
            if (await client.SignUpAsync($"down{refused}@example.com", "Down") is { } lucky)
            {
                accepted.Add(lucky);
                return false;
            }

            refused++;
            return true;
        }, refusedOne => refusedOne, TimeSpan.FromSeconds(30));
        await graph.DevBroker.SetBrokerUpAsync(-1, TestContext.Current.CancellationToken);

        accepted.AddRange(await Eventually.WaitAsync("signups are accepted again after the broker is back",
            _ => client.SignUpManyAsync(200, prefix: "after"), batch => batch.Count > 0, TimeSpan.FromSeconds(60)));
        await Eventually.WaitAsync("every acknowledged signup is in every store",
            _ => graph.Stores.CheckAsync(accepted, allowUnaccepted: true), report => report.Holds, TimeSpan.FromSeconds(60));
    }
}
