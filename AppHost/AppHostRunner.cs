using Signups.AppHost.Hosting;
using Signups.Messaging.Kafka.Native;

namespace Signups.AppHost;

/// <summary>What <c>dotnet run --project AppHost</c> does: build the graph, run it, print where to look.</summary>
internal static class AppHostRunner
{
    public static async Task<int> RunAsync(AppHostOptions options)
    {
        if (options.KafkaConnectionString is null && !Librdkafka.IsAvailable)
        {
            await Console.Error.WriteLineAsync($"apphost: {Librdkafka.MissingMessage}");
            return 1;
        }

        AppHostException? problem = null;
        try
        {
            await using var app = SignupsAppHost.Create(options);
            return await app.RunAsync(started =>
            {
                started.Console.Plain($"Producer: {started.GetEndpoint("producer")}");
                started.Console.Plain($"Data: {options.DataPath}");
            });
        }
        catch (AppHostException e)
        {
            problem = e;
        }

        await Console.Error.WriteLineAsync($"apphost: {problem.Message}");
        return 1;
    }
}
