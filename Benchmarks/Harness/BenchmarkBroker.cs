using System.Globalization;
using Signups.AppHost;
using Signups.DevBroker.Contracts;

namespace Signups.Benchmarks.Harness;

/// <summary>
/// A dev broker of a scenario's own, as a process, optionally with the Producer service in front of it (broker,
/// idempotency store, producer: no workers, so that they take no processor time from what is measured).
/// </summary>
internal sealed class BenchmarkBroker : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly BenchmarkService _broker;
    private readonly BenchmarkService? _producer;

    private BenchmarkBroker(BenchmarkService broker, string bootstrapServers, BenchmarkService? producer)
    {
        _broker = broker;
        BootstrapServers = bootstrapServers;
        _producer = producer;
    }

    public string BootstrapServers { get; }

    /// <summary>The Producer's HTTP endpoint, when it was started.</summary>
    public Uri Producer => _producer?.Endpoint ?? throw new InvalidOperationException("This broker was started without the Producer.");

    /// <summary>A broker whose signups topic holds <paramref name="count"/> events from the load generator, every one acknowledged.</summary>
    public static async Task<BenchmarkBroker> StartWithSignupsAsync(BenchmarkContext context, int partitions, long count, CancellationToken cancellationToken)
    {
        var broker = await StartAsync(Path.Combine(context.WorkDirectory, "broker"), partitions, producerEnvironment: null, cancellationToken);
        var load = await LoadGeneratorRun.RunAsync(broker.BootstrapServers, Messaging.SignupTopics.UserSignups, count, rate: 0, context, cancellationToken);
        if (load.Acknowledged != count)
        {
            await broker.DisposeAsync();
            throw new InvalidOperationException($"only {load.Acknowledged} of {count} events were acknowledged; the run measures nothing.");
        }

        return broker;
    }

    /// <summary>Starts the broker, and the Producer with <paramref name="producerEnvironment"/> when that is not null.</summary>
    public static async Task<BenchmarkBroker> StartAsync(
        string dataDirectory,
        int partitions,
        IReadOnlyDictionary<string, string>? producerEnvironment,
        CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var broker = await BenchmarkService.StartAsync(ServiceAssemblies.DevBroker, new Dictionary<string, string>
        {
            ["DevBroker__BootstrapPort"] = port.ToString(CultureInfo.InvariantCulture),
            ["DevBroker__Partitions"] = partitions.ToString(CultureInfo.InvariantCulture),
        }, StartTimeout, cancellationToken);
        var bootstrap = $"127.0.0.1:{port}";
        if (producerEnvironment is null)
        {
            return new BenchmarkBroker(broker, bootstrap, null);
        }

        try
        {
            var environment = new Dictionary<string, string>(producerEnvironment, StringComparer.Ordinal)
            {
                ["ConnectionStrings__kafka"] = bootstrap,
                ["ConnectionStrings__idempotency-db"] = $"Data Source={Path.Combine(dataDirectory, "idempotency.db")}",
            };
            var producer = await BenchmarkService.StartAsync(ServiceAssemblies.Producer, environment, StartTimeout, cancellationToken);
            return new BenchmarkBroker(broker, bootstrap, producer);
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
    }

    public Task CreateTopicAsync(string name, int partitions, CancellationToken cancellationToken) =>
        new DevBrokerClient(_broker.Endpoint).CreateTopicAsync(name, partitions, cancellationToken);

    /// <summary>Stops the Producer, then the broker.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_producer is not null)
        {
            await _producer.DisposeAsync();
        }

        await _broker.DisposeAsync();
    }
}
