using System.CommandLine;
using System.Text.Json;
using Signups.Benchmarks.Harness;
using Signups.Benchmarks.RawConsume;
using Signups.Benchmarks.RawProduce;
using Signups.Benchmarks.RawSink;
using Signups.Consuming;

namespace Signups.Benchmarks;

/// <summary>
/// <c>Signups.Benchmarks [--runs N] [--scenario NAME]... [--count N] [--http-seconds S] [--http-connections C] [--output FILE]</c>
/// runs the scenarios; <c>raw-produce</c> is the plain produce loop that a scenario launches as a process of its own.
/// </summary>
internal static class BenchmarkCommandLine
{
    public static RootCommand Create()
    {
        var scenarios = BenchmarkRunner.Discover();
        var runs = new Option<int>("--runs") { Description = $"Runs of each scenario (at least {BenchmarkRunner.MinimumRuns}).", DefaultValueFactory = _ => BenchmarkRunner.MinimumRuns };
        var only = new Option<string[]>("--scenario") { Description = "Run only these scenarios: " + string.Join(", ", scenarios.Select(s => s.Name)) + "." };
        var count = new Option<int>("--count") { Description = "Events each producing process publishes.", DefaultValueFactory = _ => 1_000_000 };
        var consumeCount = new Option<int>("--consume-count")
        {
            // The dev broker keeps at most 5 MB per partition: 200,000 signups of ~250 bytes on 12 partitions fit.
            Description = "Events the consumers (raw loop and workers) read; at most ~200,000 fit in the dev broker's 5 MB per partition.",
            DefaultValueFactory = _ => 200_000,
        };
        var httpSeconds = new Option<int>("--http-seconds") { Description = "Seconds of each measured HTTP load.", DefaultValueFactory = _ => 10 };
        var httpConnections = new Option<int>("--http-connections") { Description = "Keep-alive connections of the HTTP load.", DefaultValueFactory = _ => 64 };
        var producerConfig = new Option<string[]>("--producer-config")
        {
            Description = "KEY=VALUE librdkafka settings for every producing process, over the Producer's appsettings.json (e.g. LingerMs=1).",
        };
        var output = new Option<string>("--output") { Description = "The results file.", DefaultValueFactory = _ => Path.Combine("bench", "results.json") };
        runs.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && int.TryParse(token.Value, out var value) && value < BenchmarkRunner.MinimumRuns)
            {
                result.AddError($"--runs must be at least {BenchmarkRunner.MinimumRuns}: a median of fewer runs says little on a shared machine.");
            }
        });
        only.AcceptOnlyFromAmong([.. scenarios.Select(s => s.Name)]);

        var root = new RootCommand("Runs the Signups benchmarks and writes bench/results.json.")
        {
            Options = { runs, only, count, consumeCount, httpSeconds, httpConnections, producerConfig, output },
            Subcommands = { RawProduceCommand(), RawConsumeCommand(), RawSinkCommand() },
        };
        root.SetAction((parse, cancellationToken) =>
        {
            var names = parse.GetValue(only) ?? [];
            var selected = scenarios.Where(s => names.Length == 0 || names.Contains(s.Name)).ToList();
            var settings = new BenchmarkSettings(parse.GetValue(count), TimeSpan.FromSeconds(parse.GetValue(httpSeconds)), parse.GetValue(httpConnections),
                KeyValues(parse.GetValue(producerConfig)), parse.GetValue(consumeCount));
            return BenchmarkRunner.RunAsync(selected, parse.GetValue(runs), settings, parse.GetValue(output)!, cancellationToken);
        });
        return root;
    }

    private static Command RawProduceCommand()
    {
        var bootstrap = new Option<string>("--bootstrap-servers") { Required = true };
        var topic = new Option<string>("--topic") { Required = true };
        var count = new Option<int>("--count") { DefaultValueFactory = _ => 200_000 };
        var settings = new Option<string>("--settings") { Description = "The Producer's appsettings.json, for its librdkafka settings.", Required = true };
        var result = new Option<string>("--result") { Description = "Where to write the figures as JSON.", Required = true };
        var config = new Option<string[]>("--config") { Description = "KEY=VALUE librdkafka settings over those of --settings." };
        var command = new Command("raw-produce", "A plain Confluent.Kafka produce loop with the Producer's settings (the yardstick).")
        {
            Options = { bootstrap, topic, count, settings, result, config },
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var figures = RawProduceLoop.Run(parse.GetValue(bootstrap)!, parse.GetValue(topic)!, parse.GetValue(count), parse.GetValue(settings)!, KeyValues(parse.GetValue(config)));
            await File.WriteAllTextAsync(parse.GetValue(result)!, JsonSerializer.Serialize(figures, BenchmarkJsonContext.Default.RawProduceResult), cancellationToken);
            Console.WriteLine($"raw-produce: {figures.Acknowledged} acknowledged, {figures.Failed} failed in {figures.Seconds:0.00} s: {figures.AcknowledgedPerSecond:N0}/s");
            return figures.Failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static Command RawConsumeCommand()
    {
        var bootstrap = new Option<string>("--bootstrap-servers") { Required = true };
        var topic = new Option<string>("--topic") { Required = true };
        var group = new Option<string>("--group") { Required = true };
        var count = new Option<long>("--count") { DefaultValueFactory = _ => 200_000 };
        var result = new Option<string>("--result") { Description = "Where to write the figures as JSON.", Required = true };
        var command = new Command("raw-consume", "A plain Confluent.Kafka consume loop (the yardstick of the workers).")
        {
            Options = { bootstrap, topic, group, count, result },
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var figures = RawConsumeLoop.Run(parse.GetValue(bootstrap)!, parse.GetValue(topic)!, parse.GetValue(group)!, parse.GetValue(count));
            await File.WriteAllTextAsync(parse.GetValue(result)!, JsonSerializer.Serialize(figures, BenchmarkJsonContext.Default.RawConsumeResult), cancellationToken);
            Console.WriteLine($"raw-consume: {figures.Consumed} in {figures.Seconds:0.00} s: {figures.ConsumedPerSecond:N0}/s");
            return figures.Consumed == parse.GetValue(count) ? 0 : 1;
        });
        return command;
    }

    private static Command RawSinkCommand()
    {
        var bootstrap = new Option<string>("--bootstrap-servers") { Required = true };
        var topic = new Option<string>("--topic") { Required = true };
        var count = new Option<long>("--count") { DefaultValueFactory = _ => 200_000 };
        var schemaFrom = new Option<string>("--schema-from") { Description = "A database the BatchWorker created: its tables are copied.", Required = true };
        var database = new Option<string>("--database") { Description = "The new database file to write.", Required = true };
        var batchSize = new Option<int>("--batch-size") { Description = "Rows per transaction, as the BatchWorker's MaxBatchSize.", DefaultValueFactory = _ => BatchingOptions.DefaultMaxBatchSize };
        var result = new Option<string>("--result") { Description = "Where to write the figures as JSON.", Required = true };
        var command = new Command("raw-sink", "The BatchWorker's rows and offsets written by SQLite's own bulk path, without Kafka (the yardstick of its store).")
        {
            Options = { bootstrap, topic, count, schemaFrom, database, batchSize, result },
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var figures = RawSinkLoop.Run(parse.GetValue(bootstrap)!, parse.GetValue(topic)!, parse.GetValue(count), parse.GetValue(schemaFrom)!, parse.GetValue(database)!, parse.GetValue(batchSize));
            await File.WriteAllTextAsync(parse.GetValue(result)!, JsonSerializer.Serialize(figures, BenchmarkJsonContext.Default.RawSinkResult), cancellationToken);
            Console.WriteLine($"raw-sink: {figures.Rows} rows in {figures.Transactions} transactions in {figures.Seconds:0.00} s: {figures.RowsPerSecond:N0}/s");
            return 0;
        });
        return command;
    }

    private static Dictionary<string, string> KeyValues(string[]? pairs) =>
        (pairs ?? []).Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : string.Empty, StringComparer.Ordinal);
}
