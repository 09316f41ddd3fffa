using System.Globalization;
using Spectre.Console;

namespace Signups.Producer.Load;

/// <summary>
/// Shows a load run while it goes: a live progress bar on a terminal; otherwise (the AppHost, a pipe, a file) a
/// progress line every 2 s, which reads well in a log.
/// </summary>
internal static class LoadProgress
{
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan BarInterval = TimeSpan.FromMilliseconds(200);

    public static Task ShowUntilAsync(Task run, LoadStatistics statistics, LoadOptions options) =>
        Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive
            ? LinesAsync(run, statistics)
            : BarAsync(run, statistics, options);

    public static string Describe(LoadStatistics statistics) => string.Create(CultureInfo.InvariantCulture,
        $"sent {statistics.Sent:N0}, acknowledged {statistics.Acknowledged:N0}, failed {statistics.Failed:N0}, {Rate(statistics):N0}/s");

    private static async Task LinesAsync(Task run, LoadStatistics statistics)
    {
        using var timer = new PeriodicTimer(LineInterval);
        while (await Task.WhenAny(run, timer.WaitForNextTickAsync().AsTask()) != run)
        {
            Console.WriteLine($"load: {Describe(statistics)}");
        }
    }

    private static Task BarAsync(Task run, LoadStatistics statistics, LoadOptions options) => AnsiConsole.Progress()
        .AutoClear(false)
        .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
        .StartAsync(async context =>
        {
            var task = context.AddTask("load", maxValue: Math.Max(1, options.Count));
            task.IsIndeterminate = options.Count == 0;
            using var timer = new PeriodicTimer(BarInterval);
            do
            {
                task.Description = Markup.Escape(Describe(statistics));
                task.Value = statistics.Acknowledged + statistics.Failed;
            }
            while (await Task.WhenAny(run, timer.WaitForNextTickAsync().AsTask()) != run);

            task.Description = Markup.Escape(Describe(statistics));
            task.Value = statistics.Acknowledged + statistics.Failed;
            task.StopTask();
        });

    private static double Rate(LoadStatistics statistics) =>
        statistics.Elapsed.TotalSeconds is > 0 and var seconds ? statistics.Acknowledged / seconds : 0;
}
