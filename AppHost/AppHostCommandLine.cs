using System.CommandLine;

namespace Signups.AppHost;

/// <summary>The AppHost's command line.</summary>
internal static class AppHostCommandLine
{
    public static RootCommand Create(Func<AppHostOptions, Task<int>> run)
    {
        var dataDir = new Option<string>("--data-dir") { Description = "Where the stores and mail pickup live.", DefaultValueFactory = _ => ".data" };
        var noLoad = new Option<bool>("--no-load") { Description = "Start no demo load." };
        var loadRate = new Option<int>("--load-rate") { Description = "Signups per second of the demo load.", DefaultValueFactory = _ => 100 };
        var partitions = new Option<int>("--kafka-partitions") { Description = "Partitions of the app's topics.", DefaultValueFactory = _ => 12 };
        var brokers = new Option<int>("--kafka-brokers") { Description = "Brokers of the dev Kafka cluster.", DefaultValueFactory = _ => 1 };
        var noRestart = new Option<bool>("--no-restart") { Description = "Do not restart a service that dies." };
        var grace = new Option<int>("--grace") { Description = "Seconds a worker may drain on stop before it is killed.", DefaultValueFactory = _ => 30 };
        var streamWorkers = new Option<int>("--stream-workers") { Description = "StreamWorker replicas.", DefaultValueFactory = _ => 1 };
        var batchWorkers = new Option<int>("--batch-workers") { Description = "BatchWorker replicas.", DefaultValueFactory = _ => 1 };
        var producerPort = new Option<int>("--producer-port") { Description = "The Producer's HTTP port (0: any free port).", DefaultValueFactory = _ => 5080 };
        var dashboardPort = new Option<int>("--dashboard-port") { Description = "The dashboard's HTTP port on 127.0.0.1 (0: any free port, -1: no dashboard).", DefaultValueFactory = _ => 18888 };

        Option[] all = [dataDir, noLoad, loadRate, partitions, brokers, noRestart, grace, streamWorkers, batchWorkers, producerPort, dashboardPort];
        foreach (var count in new[] { partitions, brokers, streamWorkers, batchWorkers, loadRate })
        {
            Require(count, value => value >= 1, $"{count.Name} must be at least 1.");
        }

        Require(grace, value => value >= 0, "--grace must be 0 or more seconds.");
        Require(producerPort, value => value is >= 0 and <= 65535, "--producer-port must be a port number, or 0 for any free port.");
        Require(dashboardPort, value => value is >= -1 and <= 65535, "--dashboard-port must be a port number, 0 for any free port or -1 for none.");

        var command = new RootCommand(
            "Starts the Signups graph: the Kafka dev broker (or ConnectionStrings__kafka), the stores, StreamWorker, " +
            "BatchWorker, the Producer, a demo load and the dashboard. Ctrl+C stops it in order.");
        foreach (var option in all)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, _) => run(new AppHostOptions
        {
            DataDirectory = parse.GetValue(dataDir)!,
            DemoLoad = !parse.GetValue(noLoad),
            DemoLoadRate = parse.GetValue(loadRate),
            KafkaPartitions = parse.GetValue(partitions),
            KafkaBrokers = parse.GetValue(brokers),
            KafkaConnectionString = Environment.GetEnvironmentVariable("ConnectionStrings__kafka"),
            RestartOnFailure = !parse.GetValue(noRestart),
            StopGracePeriod = TimeSpan.FromSeconds(parse.GetValue(grace)),
            StreamWorkerReplicas = parse.GetValue(streamWorkers),
            BatchWorkerReplicas = parse.GetValue(batchWorkers),
            ProducerPort = parse.GetValue(producerPort),
            DashboardPort = parse.GetValue(dashboardPort),
        }));
        return command;
    }

    // A value that is not a number is the parser's own error, reported without this check.
    private static void Require(Option<int> option, Func<int, bool> valid, string error) => option.Validators.Add(result =>
    {
        if (result.Tokens is [var token] && int.TryParse(token.Value, System.Globalization.CultureInfo.InvariantCulture, out var value) && !valid(value))
        {
            result.AddError(error);
        }
    });
}
