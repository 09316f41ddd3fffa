using System.Runtime.InteropServices;

namespace Signups.AppHost.Hosting;

/// <summary>POSIX signals to child processes (.NET's Process can only SIGKILL).</summary>
internal static partial class ProcessSignals
{
    private const int SigTerm = 15;

    /// <summary>Asks a process to stop (SIGTERM); false when it is already gone.</summary>
    public static bool Terminate(int processId) => OperatingSystem.IsWindows() ? false : kill(processId, SigTerm) == 0;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
