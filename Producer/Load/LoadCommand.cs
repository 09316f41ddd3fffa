using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Console;
using Signups.Producer.Extensions;
using Signups.Producer.Publishing;
using Signups.ServiceDefaults.Hosting;

namespace Signups.Producer.Load;

/// <summary>
/// <c>Signups.Producer load --count N --rate R</c>: publishes generated signups through the same
/// <see cref="SignupPublisher"/> as the API, shows progress, and ends with a summary. <c>--count 0</c> runs until
/// Ctrl+C or SIGTERM. Exit codes: 0 every event acknowledged, 1 some failed, 2 bad arguments, 78 bad settings.
/// </summary>
internal static class LoadCommand
{
    public const int UsageErrorExitCode = 2;

    private const string Usage = "usage: Signups.Producer load [--count N] [--rate R] [--summary-json FILE] [--confirmed-ids FILE]   (load --help for details)";

    public static bool Matches(string[] args) => args is ["load", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        var command = Create();
        var parse = command.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await Console.Error.WriteLineAsync($"load: {parse.Errors[0].Message}");
            await Console.Error.WriteLineAsync(Usage);
            return UsageErrorExitCode;
        }

        // The host's console lifetime handles Ctrl+C and SIGTERM (stop sending, drain, summarize), not System.CommandLine.
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }

    internal static RootCommand Create()
    {
        var count = new Option<long>("--count") { Description = "Signups to publish; 0 runs until Ctrl+C or SIGTERM.", DefaultValueFactory = _ => 1000 };
        var rate = new Option<int>("--rate") { Description = "Signups per second; 0 publishes as fast as Kafka acknowledges.", DefaultValueFactory = _ => 1000 };
        var summary = new Option<string?>("--summary-json") { Description = "Also write the closing summary to this file as JSON." };
        var confirmed = new Option<string?>("--confirmed-ids") { Description = "Also write 'eventId userId' of every event Kafka confirmed to this file, one per line (for tests that check the stores)." };
        NotNegative(count, "--count must be 0 (until stopped) or more.");
        NotNegative(rate, "--rate must be 0 (as fast as possible) or more.");

        var command = new RootCommand("Publishes generated signups through the Producer's publisher, as the API would, and reports acknowledgements.")
        {
            Options = { count, rate, summary, confirmed },
        };
        command.SetAction((parse, _) => RunAsync(new LoadOptions(parse.GetValue(count), parse.GetValue(rate), parse.GetValue(summary), parse.GetValue(confirmed))));
        return command;
    }

    // Checks the token itself: a value that is not a number is the parser's error, reported before validators matter.
    private static void NotNegative<T>(Option<T> option, string error) => option.Validators.Add(result =>
    {
        if (result.Tokens is [var token] && long.TryParse(token.Value, CultureInfo.InvariantCulture, out var value) && value < 0)
        {
            result.AddError(error);
        }
    });

    private static async Task<int> RunAsync(LoadOptions options)
    {
        // Settings come from the Producer's appsettings.json wherever the command is started from.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.AddServiceDefaults();
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddSignupPublisher();
        using var host = builder.Build();
        if (!await host.StartServiceAsync())
        {
            return ServiceRunner.ConfigurationErrorExitCode;
        }

        var publisher = host.Services.GetRequiredService<SignupPublisher>();
        var deliveryTimeout = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PublisherOptions>>().Value.DeliveryTimeout;
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var statistics = new LoadStatistics();
        var generator = new LoadGenerator(publisher, statistics, TimeProvider.System);
        if (!publisher.TryConnect(deliveryTimeout, out var problem))
        {
            // Not fatal: the events wait in librdkafka's queue for Kafka, up to the delivery timeout each.
            Console.Error.WriteLine($"load: Kafka did not answer yet ({problem}); sending anyway.");
        }

        var run = Task.Run(async () =>
        {
            await generator.RunAsync(options, stopping);
            // Every queued event is acknowledged or given up within the delivery timeout.
            publisher.Flush(deliveryTimeout + TimeSpan.FromSeconds(5));
        }, CancellationToken.None);
        await LoadProgress.ShowUntilAsync(run, statistics, options);
        await run;

        var summary = LoadSummary.From(statistics, MessageBytes());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: sent {summary.Sent}, acknowledged {summary.Acknowledged}, failed {summary.Failed} in {summary.Seconds:0.00} s: {summary.AcknowledgedPerSecond:N0} acknowledged/s, acknowledgement latency p50 {summary.LatencyP50Ms:0.0} ms, p99 {summary.LatencyP99Ms:0.0} ms"));
        foreach (var (reason, failures) in summary.Failures)
        {
            Console.WriteLine($"load: {failures} failed: {reason}");
        }

        if (options.SummaryPath is { } path)
        {
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(summary, LoadJsonContext.Default.LoadSummary), CancellationToken.None);
        }

        if (options.ConfirmedIdsPath is { } ids)
        {
            await File.WriteAllLinesAsync(ids, generator.Confirmed.Select(s => $"{s.EventId} {s.UserId}"), CancellationToken.None);
        }

        await host.StopAsync(CancellationToken.None);
        return summary.Failed == 0 && summary.Sent == summary.Acknowledged ? 0 : 1;
    }

    // Key and value of a typical generated event, for the summary.
    private static int MessageBytes()
    {
        var message = SignupPublisher.ToMessage(new GeneratedSignups(TimeProvider.System).Next(), null);
        return message.Key.Length + message.Value.Length;
    }
}
