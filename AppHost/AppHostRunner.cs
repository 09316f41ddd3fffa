using Signups.AppHost.Dashboard;
using Signups.AppHost.Hosting;
using Signups.Messaging.Kafka.Native;

namespace Signups.AppHost;

/// <summary>What <c>dotnet run --project AppHost</c> does: build the graph, run it, print where to look.</summary>
internal static class AppHostRunner
{
    // Without a terminal (CI, a service manager) nobody scrolls the log: a status line says how the graph is, often.
    private static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StatusIntervalOnTerminal = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(AppHostOptions options)
    {
        // The dev broker runs on librdkafka, and so do the topic set-up and the offsets reader of a real Kafka.
        if (!Librdkafka.IsAvailable)
        {
            await Console.Error.WriteLineAsync($"apphost: {Librdkafka.Problem}");
            return 78;
        }

        AppHostException? problem = null;
        try
        {
            await using var app = SignupsAppHost.Create(options);
            var monitor = app.StartPipelineMonitor(SignupsAppHost.Pipeline(options));
            if (await app.StartDashboardAsync(monitor) is { } dashboard)
            {
                app.Console.Plain($"Dashboard: {dashboard}");
            }

            app.StartStatusLine(monitor, Console.IsOutputRedirected ? StatusInterval : StatusIntervalOnTerminal);
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
