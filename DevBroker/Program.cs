using Signups.DevBroker;
using Signups.Messaging.Kafka.Native;

if (!Librdkafka.IsAvailable)
{
    Console.Error.WriteLine($"dev-broker: {Librdkafka.Problem}");
    return Librdkafka.UnavailableExitCode;
}

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddDevBroker();

var app = builder.Build();
app.MapDevBrokerApi();
app.MapHealthChecks("/health");
await app.RunAsync();
return 0;

/// <summary>The dev broker's entry point; internal so that projects referencing this one for its contracts see no Program.</summary>
internal sealed partial class Program;
