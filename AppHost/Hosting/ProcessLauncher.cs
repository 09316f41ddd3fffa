using System.Collections.Concurrent;
using System.Diagnostics;

namespace Signups.AppHost.Hosting;

/// <summary>
/// Starts every child process from one long-lived thread. Children are launched with a parent-death signal
/// (see <see cref="DotnetHost"/>), which Linux ties to the thread that forked them: starting them from pool
/// threads, which come and go, would signal children at random.
/// </summary>
internal static class ProcessLauncher
{
    private static readonly BlockingCollection<(Process Process, TaskCompletionSource Started)> Requests = [];

    static ProcessLauncher()
    {
        var thread = new Thread(() =>
        {
            foreach (var (process, started) in Requests.GetConsumingEnumerable())
            {
                try
                {
                    process.Start();
                    started.SetResult();
                }
                catch (Exception e)
                {
                    started.SetException(e);
                }
            }
        })
        {
            IsBackground = true,
            Name = "apphost process launcher",
        };
        thread.Start();
    }

    /// <summary>Starts <paramref name="process"/> on the launcher thread; throws what Process.Start throws.</summary>
    public static void Start(Process process)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((process, started));
        started.Task.GetAwaiter().GetResult();
    }
}
