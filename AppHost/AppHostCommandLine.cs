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
            count.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int>() < 1)
                {
                    result.AddError($"{result.Option.Name} must be at least 1.");
                }
            });
        }

        foreach (var (port, lowest) in new[] { (producerPort, 0), (dashboardPort, -1) })
        {
            port.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int>() is var value && (value < lowest || value > 65535))
                {
                    result.AddError($"{result.Option.Name} must be a port number, 0 for any free port{(lowest < 0 ? " or -1 for none" : string.Empty)}.");
                }
            });
        }

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
}
