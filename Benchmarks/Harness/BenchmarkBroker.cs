using Signups.AppHost;
using Signups.AppHost.Hosting;

namespace Signups.Benchmarks.Harness;

/// <summary>
/// A dev broker of a scenario's own, started through the AppHost library as the app's graph would start it,
/// optionally with the Producer service in front of it (broker, idempotency store, producer: no workers, so
/// that they take no processor time from what is measured).
/// </summary>
internal sealed class BenchmarkBroker : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);
    private readonly DistributedApplication _app;

    private BenchmarkBroker(DistributedApplication app) => _app = app;

    public string BootstrapServers => _app.GetConnectionString("kafka");

    /// <summary>The Producer's HTTP endpoint, when it was started.</summary>
    public Uri Producer => _app.GetEndpoint("producer");

    /// <summary>Starts the broker, and the Producer with <paramref name="producerEnvironment"/> when that is not null.</summary>
    public static async Task<BenchmarkBroker> StartAsync(
        string dataDirectory,
        int partitions,
        IReadOnlyDictionary<string, string>? producerEnvironment,
        CancellationToken cancellationToken)
    {
        var options = BenchmarkAppHostOptions.Create(dataDirectory, TimeSpan.FromSeconds(15));
        options.KafkaPartitions = partitions;
        options.StartTimeout = TimeSpan.FromSeconds(60);
        DistributedApplication app;
        if (producerEnvironment is null)
        {
            var builder = new DistributedApplicationBuilder(options);
            builder.AddKafka("kafka");
            app = builder.Build();
        }
        else
        {
            options.Environment["producer"] = new Dictionary<string, string>(producerEnvironment, StringComparer.Ordinal);
            app = SignupsAppHost.CreateProducerOnly(options);
        }

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new BenchmarkBroker(app);
    }

    public Task CreateTopicAsync(string name, int partitions, CancellationToken cancellationToken) =>
        _app.DevBroker.CreateTopicAsync(name, partitions, cancellationToken);

    /// <summary>
    /// Stops everything in order, as the AppHost does. A stop that takes longer than every grace period together
    /// fails the run naming what had not stopped (and kills it), rather than hanging the whole benchmark.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.DisposeAsync().AsTask().WaitAsync(StopTimeout);
        }
        catch (TimeoutException)
        {
            var stuck = _app.Resources.Where(r => r.State is ResourceState.Starting or ResourceState.Running or ResourceState.Restarting or ResourceState.Stopping).ToList();
            foreach (var project in stuck.OfType<ProjectResource>())
            {
                for (var replica = 1; replica <= project.Replicas.Count; replica++)
                {
                    project.Kill(replica);
                }
            }

            throw new TimeoutException($"The benchmark's services did not stop within {StopTimeout.TotalSeconds:0} s: {string.Join(", ", stuck.Select(r => $"{r.Name} ({r.State})"))}.");
        }
    }
}
