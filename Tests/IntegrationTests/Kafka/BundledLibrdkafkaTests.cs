using System.Text.Json;
using Signups.AppHost;
using Signups.IntegrationTests.Infrastructure;

namespace Signups.IntegrationTests.Kafka;

/// <summary>Every process runs on the librdkafka that the librdkafka.redist package brought, never on one of the operating system's.</summary>
public sealed class BundledLibrdkafkaTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task EveryServiceAndTheDevBrokerRunOnThePackagesLibrdkafka()
    {
        var expected = PackageVersion();
        await using var graph = await TestGraph.StartAsync();

        var cluster = await graph.DevBroker.DescribeAsync(TestContext.Current.CancellationToken);
        Assert.Equal(expected, cluster.LibrdkafkaVersion);
        AssertBundled(cluster.LibrdkafkaPath);

        foreach (var service in new[] { "producer", "stream-worker", "batch-worker" })
        {
            using var health = JsonDocument.Parse(await Http.GetStringAsync(new Uri(graph.EndpointOf(service), "/health"), TestContext.Current.CancellationToken));
            var kafkaChecks = health.RootElement.GetProperty("checks").EnumerateObject().Where(c => c.Name.StartsWith("Aspire.Confluent.Kafka.", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(kafkaChecks);
            foreach (var check in kafkaChecks)
            {
                var description = check.Value.GetProperty("description").GetString() ?? "";
                Assert.Contains($"librdkafka {expected} (", description, StringComparison.Ordinal);
                AssertBundled(description[(description.IndexOf($"librdkafka {expected} (", StringComparison.Ordinal) + $"librdkafka {expected} (".Length)..].TrimEnd('.', ')'));
            }
        }
    }

    [Theory]
    [InlineData("Producer")]
    [InlineData("StreamWorker")]
    [InlineData("BatchWorker")]
    [InlineData("DevBroker")]
    [InlineData("AppHost")]
    public async Task ADamagedLibrdkafkaStopsTheProcessWithOneLineAndExitCode78(string service)
    {
        using var copy = DamagedBuildOutput.Of(service switch
        {
            "Producer" => ServiceAssemblies.Producer,
            "StreamWorker" => ServiceAssemblies.StreamWorker,
            "BatchWorker" => ServiceAssemblies.BatchWorker,
            "DevBroker" => ServiceAssemblies.DevBroker,
            _ => ServiceAssemblies.AppHost,
        });
        var dataDirectory = Path.Combine(Path.GetTempPath(), "signups-tests", $"damaged-{Guid.NewGuid():N}");
        // The AppHost runs its own dev broker (no ConnectionStrings:kafka), which needs the library too.
        await using var process = service == "AppHost"
            ? StartedProcess.Start(copy.EntryAssembly, ["--data-dir", dataDirectory, "--no-load"], new Dictionary<string, string>())
            : StartedProcess.Start(copy.EntryAssembly, new Dictionary<string, string>
            {
                ["ConnectionStrings__kafka"] = "127.0.0.1:1",
                ["ConnectionStrings__users-db"] = $"Data Source={Path.Combine(dataDirectory, "users.db")}",
                ["ConnectionStrings__analytics-db"] = $"Data Source={Path.Combine(dataDirectory, "analytics.db")}",
                ["ConnectionStrings__idempotency-db"] = $"Data Source={Path.Combine(dataDirectory, "idempotency.db")}",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            });

        var exitCode = await process.ExitCodeAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(78, exitCode);
        var line = Assert.Single(process.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("librdkafka", line, StringComparison.Ordinal);
        Assert.Contains("could not be loaded", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", process.Output + process.Errors, StringComparison.Ordinal);
    }

    private static void AssertBundled(string path)
    {
        Assert.Contains($"{Path.DirectorySeparatorChar}runtimes{Path.DirectorySeparatorChar}", path, StringComparison.Ordinal);
        Assert.StartsWith(Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../..")), path, StringComparison.Ordinal);
        Assert.True(File.Exists(path), $"{path} exists");
    }

    // The version the build restored, from this test's own dependency manifest.
    private static string PackageVersion()
    {
        var depsFile = Path.Combine(AppContext.BaseDirectory, $"{typeof(BundledLibrdkafkaTests).Assembly.GetName().Name}.deps.json");
        using var deps = JsonDocument.Parse(File.ReadAllText(depsFile));
        var library = deps.RootElement.GetProperty("libraries").EnumerateObject().Single(l => l.Name.StartsWith("librdkafka.redist/", StringComparison.Ordinal));
        return library.Name["librdkafka.redist/".Length..];
    }
}
