using System.Diagnostics;
using Signups.IntegrationTests.Infrastructure;

namespace Signups.IntegrationTests.AppHost;

/// <summary>The AppHost as a whole process, signalled as a terminal or a service manager would.</summary>
public sealed class AppHostProcessTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task SigtermStopsInOrderUnderTheDemoLoadLeavingEveryStoreCompleteAndExitsZero()
    {
        await using var apphost = AppHostProcess.Start("--load-rate", "300");
        var dashboard = await apphost.WaitForLineAsync("Dashboard: ", StartTimeout);
        var producer = await apphost.WaitForLineAsync("Producer: http://", StartTimeout);
        Assert.Contains("/login?t=", dashboard, StringComparison.Ordinal);
        var stores = new StoreInspector(apphost.DataPath);
        await Eventually.WaitAsync("the demo load reaches the analytics store",
            _ => stores.ScalarAsync(stores.AnalyticsDb, "SELECT count(*) FROM signup_facts"), n => n >= 300, StartTimeout);

        await apphost.SignalAsync("TERM");

        Assert.Equal(0, await apphost.ExitCodeAsync(StopTimeout));
        Assert.Contains("Every resource stopped cleanly", apphost.Output, StringComparison.Ordinal);
        Assert.True(apphost.Output.IndexOf("Stopping demo-load", StringComparison.Ordinal) < apphost.Output.IndexOf("Stopping producer", StringComparison.Ordinal));
        Assert.True(apphost.Output.IndexOf("Stopping producer", StringComparison.Ordinal) < apphost.Output.IndexOf("Stopping stream-worker", StringComparison.Ordinal));
        Assert.True(apphost.Output.IndexOf("Stopping stream-worker", StringComparison.Ordinal) < apphost.Output.IndexOf("Stopping kafka", StringComparison.Ordinal));
        var published = await stores.ScalarAsync(stores.UsersDb, "SELECT sum(next_offset) FROM consumer_offsets");
        Assert.True(published >= 300, $"{published} published ({producer})");
        Assert.Equal(published, await stores.ScalarAsync(stores.AnalyticsDb, "SELECT sum(next_offset) FROM consumer_offsets"));
        Assert.Equal(published, await stores.ScalarAsync(stores.UsersDb, "SELECT count(*) FROM users WHERE status = 'awaiting_confirmation'"));
        Assert.Equal(published, await stores.ScalarAsync(stores.AnalyticsDb, "SELECT count(*) FROM signup_facts"));
    }

    [Fact]
    public async Task WithoutATerminalTheIdleAppHostUsesUnderFivePercentOfACoreAndASecondSigintStopsEverythingAtOnceAndExits130()
    {
        // Standard input is a pipe here, as under a service manager or CI.
        await using var apphost = AppHostProcess.Start("--no-load");
        await apphost.WaitForLineAsync("Producer: http://", StartTimeout);
        await AssertIdleAsync(apphost, "with a pipe for standard input");

        await apphost.SignalAsync("INT");
        await apphost.WaitForLineAsync("info: Signups.AppHost.Lifecycle.OrderedStop", StopTimeout);
        await apphost.SignalAsync("INT");

        Assert.Equal(130, await apphost.ExitCodeAsync(StopTimeout));
        Assert.Contains("Second signal: stopping everything at once.", apphost.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnATerminalTheIdleAppHostUsesUnderFivePercentOfACoreAndCtrlCStopsItInOrderWithExitCodeZero()
    {
        await using var apphost = AppHostProcess.StartOnTerminal("--no-load");
        await apphost.WaitForLineAsync("Producer: http://", StartTimeout);
        await AssertIdleAsync(apphost, "on a terminal");

        await apphost.PressCtrlCAsync();

        Assert.Equal(0, await apphost.ExitCodeAsync(StopTimeout));
        Assert.Contains("Every resource stopped cleanly", apphost.Output, StringComparison.Ordinal);

        // In order: the producer's layer, then the workers', then kafka (each "Stopping …" line follows its log header).
        var lines = apphost.Output.Split('\n').Select(l => l.Trim()).ToList();
        var layers = lines.Where((line, i) => i > 0 && lines[i - 1].Contains("Lifecycle.OrderedStop[1]", StringComparison.Ordinal)).ToList();
        int Layer(string resource) => layers.FindIndex(l => l.Split([' ', ',', '.'], StringSplitOptions.RemoveEmptyEntries).Contains(resource));
        Assert.True(Layer("producer") >= 0 && Layer("producer") < Layer("stream-worker") && Layer("stream-worker") < Layer("kafka")
            && Layer("batch-worker") < Layer("kafka"), string.Join(" | ", layers));
    }

    [Theory]
    [InlineData("--kafka-partitions", "zero", "--kafka-partitions must be a whole number from 1 to 1000; got 'zero'.")]
    [InlineData("--kafka", "rabbitmq", "--kafka must be 'devbroker'")]
    [InlineData("--no-load=maybe", null, "--no-load is a switch (true or false); got 'maybe'.")]
    [InlineData("--store", "mysql", "--store must be 'sqlite'")]
    [InlineData("--store=postgres", "--postgres-bin=/nonexistent/postgresql/bin", "no initdb and postgres in /nonexistent/postgresql/bin; install PostgreSQL's server (Debian/Ubuntu: apt-get install postgresql")]
    public async Task ABadSettingIsOneLineAndExitCode2(string option, string? value, string message)
    {
        await using var apphost = value is null ? AppHostProcess.Start(option) : AppHostProcess.Start(option, value);

        Assert.Equal(2, await apphost.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        var line = Assert.Single(apphost.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            l => l.StartsWith("apphost: ", StringComparison.Ordinal));
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", apphost.Output, StringComparison.Ordinal);
    }

    // Processor time over a 10 s window once every resource has reported: the AppHost must idle, not spin.
    private static async Task AssertIdleAsync(AppHostProcess apphost, string how)
    {
        // Past the start's own work (health checks settling, the last resource's first report).
        await Eventually.WaitAsync("every resource reported", () => apphost.Output.Contains("pipeline-", StringComparison.Ordinal), StartTimeout);

        var before = apphost.ProcessorTime;
        var clock = Stopwatch.StartNew();
        using (var window = new PeriodicTimer(TimeSpan.FromSeconds(10)))
        {
            // A measurement window, not a wait for a condition: the figure is processor time over wall time.
            await window.WaitForNextTickAsync(TestContext.Current.CancellationToken);
        }

        var share = (apphost.ProcessorTime - before) / clock.Elapsed;
        TestContext.Current.TestOutputHelper?.WriteLine($"Idle AppHost {how}: {share:P2} of a core over {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(share < 0.05, $"the idle AppHost {how} used {share:P1} of a core");
    }
}
