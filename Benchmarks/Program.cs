using Signups.Benchmarks;
using Signups.Messaging.Kafka.Native;

// The raw loops call Confluent.Kafka directly: bind it to the bundled librdkafka the services run on.
if (!Librdkafka.IsAvailable)
{
    await Console.Error.WriteLineAsync($"benchmarks: {Librdkafka.Problem}");
    return Librdkafka.UnavailableExitCode;
}

return await BenchmarkCommandLine.Create().Parse(args).InvokeAsync();
