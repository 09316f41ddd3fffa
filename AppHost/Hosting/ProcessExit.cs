using System.Diagnostics;

namespace Signups.AppHost.Hosting;

/// <summary>
/// Waits for a child process to exit. Process.WaitForExitAsync relies on the one-shot Exited event; with several
/// waits on one process (the health watch and the run loop) it was seen to miss an exit and wait forever, which
/// hung the ordered stop. HasExited, polled, reads the runtime's own record of the exit, so it cannot miss it.
/// </summary>
internal static class ProcessExit
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan OutputDrain = TimeSpan.FromSeconds(2);

    /// <summary>Completes when <paramref name="process"/> has exited and its output has been read (or after a short drain).</summary>
    public static async Task WaitAsync(Process process, CancellationToken cancellationToken)
    {
        var exited = process.WaitForExitAsync(cancellationToken);
        while (!exited.IsCompleted && !process.HasExited)
        {
            await Task.WhenAny(exited, Task.Delay(Poll, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }

        // Exited: let the output readers deliver the last lines, but do not wait on them forever.
        await Task.WhenAny(exited, Task.Delay(OutputDrain, CancellationToken.None));
        if (exited.IsCanceled)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
