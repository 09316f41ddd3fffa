using System.Diagnostics;
using System.Globalization;
using Signups.Messaging;
using Signups.Producer.Extensions;
using Signups.Producer.Publishing;

namespace Signups.Producer.Load;

/// <summary>
/// <c>Signups.Producer load --count N --rate R</c>: publishes generated signups through the same
/// <see cref="SignupPublisher"/> as the API. <c>--count 0</c> runs until Ctrl+C.
/// </summary>
internal static class LoadCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "load";

    public static async Task<int> RunAsync(string[] args)
    {
        var count = Option(args, "--count", 1000);
        var rate = Option(args, "--rate", 1000);
        var builder = Host.CreateApplicationBuilder(args[1..]);
        builder.AddServiceDefaults();
        builder.AddSignupPublisher();
        using var host = builder.Build();
        await host.StartAsync();
        var publisher = host.Services.GetRequiredService<SignupPublisher>();
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

        long acknowledged = 0, failed = 0, sent = 0;
        var clock = Stopwatch.StartNew();
        while ((count == 0 || sent < count) && !stopping.IsCancellationRequested)
        {
            var due = TimeSpan.FromSeconds((double)sent / rate) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, CancellationToken.None);
            }

            var n = sent;
            publisher.Publish(
                new UserSignedUp(Guid.CreateVersion7(), Guid.CreateVersion7(), $"user{n}@load.example", $"Load User {n}", DateTimeOffset.UtcNow),
                report => Interlocked.Increment(ref report.Error.IsError ? ref failed : ref acknowledged));
            sent++;
        }

        publisher.Flush(TimeSpan.FromSeconds(30));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: sent {sent}, acknowledged {acknowledged}, failed {failed} in {clock.Elapsed.TotalSeconds:0.0} s"));
        await host.StopAsync();
        return failed == 0 ? 0 : 1;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
