using System.Text.Json;
using Signups.AppHost;
using Signups.IntegrationTests.Infrastructure;

namespace Signups.IntegrationTests.Producer;

public sealed class LoadGeneratorTests
{
    [Fact]
    public async Task TheLoadGeneratorPublishesEveryEventItCountsAsAcknowledged()
    {
        await using var graph = await TestGraph.StartProducerOnlyAsync();
        var summaryFile = Path.Combine(graph.Options.DataPath, "load.json");

        var (exitCode, output) = await RunLoadAsync(graph.BootstrapServers, "load", "--count", "300", "--rate", "2000", "--summary-json", summaryFile);

        Assert.True(exitCode == 0, output);
        Assert.Contains("sent 300, acknowledged 300, failed 0", output, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(summaryFile, TestContext.Current.CancellationToken));
        Assert.Equal(300, summary.RootElement.GetProperty("acknowledged").GetInt64());
        Assert.True(summary.RootElement.GetProperty("latencyP99Ms").GetDouble() > 0);
        using var topic = new TopicProbe(graph.BootstrapServers, graph.Options.Topic);
        Assert.Equal(300, topic.Count());
    }

    [Theory]
    [InlineData("--count", "many")]
    [InlineData("--rate", "-5")]
    [InlineData("--speed", "9")]
    public async Task BadArgumentsGetOneLineAndTheUsageAndExitCode2(string option, string value)
    {
        var (exitCode, output) = await RunLoadAsync("127.0.0.1:9", "load", option, value);

        Assert.Equal(2, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("load: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("usage: Signups.Producer load", lines[1], StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunLoadAsync(string bootstrapServers, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [ServiceAssemblies.Producer, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ConnectionStrings__kafka"] = bootstrapServers },
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
