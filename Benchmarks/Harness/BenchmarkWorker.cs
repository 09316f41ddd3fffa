using System.Globalization;
using System.Net.Http.Json;
using Signups.AppHost;
using Signups.AppHost.Hosting;
using Signups.Messaging.Kafka.Consuming;

namespace Signups.Benchmarks.Harness;

/// <summary>
/// One worker process, started through the AppHost library as the graph starts it (its own store, its
/// configuration under Aspire's names) against a broker that already holds the events to consume.
/// </summary>
internal sealed class BenchmarkWorker : IAsyncDisposable
{
    public const string Stream = "stream-worker";
    public const string Batch = "batch-worker";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly DistributedApplication _app;
    private readonly ProjectResource _worker;

    private BenchmarkWorker(DistributedApplication app, ProjectResource worker, string database)
    {
        _app = app;
        _worker = worker;
        DatabasePath = database;
    }

    /// <summary>The worker's SQLite file.</summary>
    public string DatabasePath { get; }

    /// <summary>Starts <paramref name="worker"/> (<see cref="Stream"/> or <see cref="Batch"/>) in consumer group <paramref name="group"/>; returns when it has joined.</summary>
    public static async Task<BenchmarkWorker> StartAsync(string worker, string bootstrapServers, string group, string dataDirectory,
        IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var options = BenchmarkAppHostOptions.Create(dataDirectory, TimeSpan.FromSeconds(30));
        options.KafkaConnectionString = bootstrapServers;
        options.StartTimeout = TimeSpan.FromSeconds(90);
        var builder = new DistributedApplicationBuilder(options);
        var kafka = builder.AddKafka("kafka");
        var (store, file, assembly) = worker == Stream
            ? ("users-db", "users.db", ServiceAssemblies.StreamWorker)
            : ("analytics-db", "analytics.db", ServiceAssemblies.BatchWorker);
        var database = builder.AddSqlite(store, file);
        var project = builder.AddProject(worker, assembly)
            .WithReference(kafka)
            .WithReference(database)
            .WithEnvironment("Aspire__Confluent__Kafka__Consumer__Config__GroupId", group)
            .WithEnvironment("WelcomeEmail__PickupDirectory", Path.Combine(options.DataPath, "mail"))
            .WithWorkerGarbageCollection()
            .WithDevBrokerConsumerSettings(options.DevBrokerSessionTimeout)
            .WithEnvironment(environment ?? new Dictionary<string, string>())
            .WaitFor(kafka)
            .WaitFor(database);
        var app = builder.Build();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new BenchmarkWorker(app, project.Resource, database.Resource.DatabasePath);
    }

    public async Task<ConsumerStats> StatsAsync(CancellationToken cancellationToken) =>
        (await Http.GetFromJsonAsync(new Uri(_worker.Endpoint!, "/stats"), BenchmarkJsonContext.Default.ConsumerStats, cancellationToken))!;

    /// <summary>Waits until <paramref name="count"/> events are persisted; fails after <paramref name="timeout"/>.</summary>
    public async Task<ConsumerStats> WaitForProcessedAsync(long count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var timer = new PeriodicTimer(Poll);
        ConsumerStats stats;
        while ((stats = await StatsAsync(deadline.Token)).Processed < count)
        {
            if (!await timer.WaitForNextTickAsync(deadline.Token))
            {
                break;
            }
        }

        return stats;
    }

    /// <summary>The most memory the worker process has held (VmHWM), in MB.</summary>
    public double PeakRssMegabytes
    {
        get
        {
            var line = File.ReadLines($"/proc/{_worker.Replicas[0].ProcessId}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
    }

    /// <summary>Sends SIGTERM and waits for the worker to drain and exit.</summary>
    public async Task<StopOutcome> StopAsync() => (await _worker.StopReplicasAsync(TimeSpan.FromSeconds(30)))[0];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
