using Signups.AppHost;
using Signups.IntegrationTests.Infrastructure;

namespace Signups.IntegrationTests.ServiceDefaults;

public sealed class SecretTests
{
    [Fact]
    public async Task ASaslPasswordNeverAppearsInLogsHealthOrStats()
    {
        const string Secret = "pw-7f3c9e1d-do-not-print";
        // Only the broker: the worker under test is started here, with the SASL settings.
        await using var graph = await TestGraph.StartAsync(options =>
        {
            options.Workers = [];
            options.Producer = false;
        });
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        await using var worker = StartedProcess.Start(ServiceAssemblies.StreamWorker, new Dictionary<string, string>
        {
            ["ConnectionStrings__kafka"] = graph.BootstrapServers,
            ["ConnectionStrings__users-db"] = $"Data Source={Path.Combine(graph.Options.DataPath, "secret-users.db")}",
            ["Aspire__Confluent__Kafka__Consumer__Config__SecurityProtocol"] = "SaslPlaintext",
            ["Aspire__Confluent__Kafka__Consumer__Config__SaslMechanism"] = "Plain",
            ["Aspire__Confluent__Kafka__Consumer__Config__SaslUsername"] = "signups",
            ["Aspire__Confluent__Kafka__Consumer__Config__SaslPassword"] = Secret,
            ["Aspire__Confluent__Kafka__Consumer__Config__GroupId"] = "secret-test",
            ["ASPNETCORE_URLS"] = url,
        });
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };

        var health = await Eventually.WaitAsync("the worker answers /health (unhealthy: the broker has no SASL)",
            async ct => await Answer(http, "/health", ct), body => body.Contains("Aspire.Confluent.Kafka.Consumer", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var stats = await Answer(http, "/stats", TestContext.Current.CancellationToken);

        Assert.DoesNotContain(Secret, health, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, stats, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, worker.Output + worker.Errors, StringComparison.Ordinal);
    }

    private static async Task<string> Answer(HttpClient http, string path, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(path, cancellationToken);
            return await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
    }
}
