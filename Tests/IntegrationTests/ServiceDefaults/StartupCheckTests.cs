using Signups.AppHost;
using Signups.IntegrationTests.Infrastructure;

namespace Signups.IntegrationTests.ServiceDefaults;

public sealed class StartupCheckTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("Aspire__Confluent__Kafka__Consumer__Config__lnger.ms", "5", "lnger.ms")]
    [InlineData("Aspire__Confluent__Kafka__Consumer__Config__SessionTimeoutMs", "soon", "SessionTimeoutMs")]
    [InlineData("StreamWorker__MaxBatchSize", "0", "MaxBatchSize")]
    [InlineData("ConnectionStrings__users-db", "Data Source=:memory:", "users-db")]
    [InlineData("WelcomeEmail__From", "nobody", "WelcomeEmail:From")]
    public async Task ABadSettingStopsTheStreamWorkerWithOneLineNamingIt(string name, string value, string named)
    {
        await using var worker = StartedProcess.Start(ServiceAssemblies.StreamWorker, Environment(name, value));

        var exitCode = await worker.ExitCodeAsync(Timeout);

        Assert.Equal(78, exitCode);
        var line = Assert.Single(worker.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", worker.Output + worker.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutKafkaTheProducerStopsSayingSo()
    {
        await using var producer = StartedProcess.Start(ServiceAssemblies.Producer, new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" });

        Assert.Equal(78, await producer.ExitCodeAsync(Timeout));
        Assert.Contains("No bootstrap servers configured.", producer.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadBatchSizeStopsTheBatchWorkerNamingIt()
    {
        await using var worker = StartedProcess.Start(ServiceAssemblies.BatchWorker, new Dictionary<string, string>
        {
            ["ConnectionStrings__kafka"] = "127.0.0.1:1",
            ["ConnectionStrings__analytics-db"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"analytics-{Guid.NewGuid():N}.db")}",
            ["BatchWorker__MaxBatchSize"] = "0",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        });

        Assert.Equal(78, await worker.ExitCodeAsync(Timeout));
        Assert.Contains("MaxBatchSize", worker.Errors, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Environment(string name, string value) => new()
    {
        ["ConnectionStrings__kafka"] = "127.0.0.1:1",
        ["ConnectionStrings__users-db"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"users-{Guid.NewGuid():N}.db")}",
        ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        [name] = value,
    };
}
