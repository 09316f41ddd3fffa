using System.Globalization;
using System.Net.Http.Json;
using Signups.AppHost;
using Signups.Hosting.Kafka;
using Signups.Consuming;

namespace Signups.Benchmarks.Harness;

/// <summary>
/// One worker process with the configuration the AppHost gives it (its own store, Aspire's names, the dev-broker
/// consumer settings, its runtime settings) against a broker that already holds the events to consume; the BatchWorker's
/// MaxBatchDelay is 200 ms unless the scenario sets it.
/// </summary>
internal sealed class BenchmarkWorker : IAsyncDisposable
{
    public const string Stream = "stream-worker";
    public const string Batch = "batch-worker";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly BenchmarkService _worker;

    private BenchmarkWorker(BenchmarkService worker, string database)
    {
        _worker = worker;
        DatabasePath = database;
    }

    /// <summary>The worker's SQLite file.</summary>
    public string DatabasePath { get; }

    /// <summary>Where the worker serves <c>/stats</c>.</summary>
    public Uri Endpoint => _worker.Endpoint;

    /// <summary>Starts <paramref name="worker"/> (<see cref="Stream"/> or <see cref="Batch"/>) in consumer group <paramref name="group"/>; returns when it is healthy.</summary>
    public static async Task<BenchmarkWorker> StartAsync(string worker, string bootstrapServers, string group, string dataDirectory,
        IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var (store, file, assembly) = worker == Stream
            ? ("users-db", "users.db", ServiceAssemblies.StreamWorker)
            : ("analytics-db", "analytics.db", ServiceAssemblies.BatchWorker);
        var database = Path.Combine(Path.GetFullPath(dataDirectory), file);
        const string consumer = "Aspire__Confluent__Kafka__Consumer__Config__";
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ConnectionStrings__kafka"] = bootstrapServers,
            [$"ConnectionStrings__{store}"] = $"Data Source={database}",
            [consumer + "GroupId"] = group,
            [consumer + "SessionTimeoutMs"] = DevBrokerClientSettings.SessionTimeoutMs.ToString(CultureInfo.InvariantCulture),
            [consumer + "HeartbeatIntervalMs"] = DevBrokerClientSettings.HeartbeatIntervalMs.ToString(CultureInfo.InvariantCulture),
            [consumer + "FetchWaitMaxMs"] = DevBrokerClientSettings.FetchWaitMaxMs.ToString(CultureInfo.InvariantCulture),
            ["WelcomeEmail__PickupDirectory"] = Path.Combine(Path.GetFullPath(dataDirectory), "mail"),
        };
        var runtime = worker == Batch ? WorkerRuntimeSettings.Worker.Concat(WorkerRuntimeSettings.BatchWorker) : WorkerRuntimeSettings.Worker;
        foreach (var (name, value) in runtime)
        {
            settings[name] = value;
        }

        if (worker == Batch)
        {
            // A partial last batch is flushed after 200 ms, not the default 5 s: a timing would otherwise end with 5 s of
            // waiting, a latency setting, not throughput. Under a steady load every batch is flushed by size.
            settings["BatchWorker__MaxBatchDelay"] = "00:00:00.200";
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            settings[name] = value;
        }

        return new BenchmarkWorker(await BenchmarkService.StartAsync(assembly, settings, TimeSpan.FromSeconds(90), cancellationToken), database);
    }

    public async Task<ConsumerStats> StatsAsync(CancellationToken cancellationToken) =>
        (await Http.GetFromJsonAsync(new Uri(_worker.Endpoint, "/stats"), BenchmarkJsonContext.Default.ConsumerStats, cancellationToken))!;

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
            var line = File.ReadLines($"/proc/{_worker.ProcessId}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
    }

    /// <summary>Sends SIGTERM and waits for the worker to drain and exit.</summary>
    public Task<(int ExitCode, TimeSpan Duration)> StopAsync() => _worker.StopAsync(TimeSpan.FromSeconds(30));

    public ValueTask DisposeAsync() => _worker.DisposeAsync();
}
