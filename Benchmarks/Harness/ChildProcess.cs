using System.Diagnostics;
using System.Text;

namespace Signups.Benchmarks.Harness;

/// <summary>Runs a whole process to its end, keeping what it printed; the benchmark measures processes, not calls.</summary>
internal static class ChildProcess
{
    /// <summary>
    /// The combined output of a run that exited with 0; throws with that output otherwise. Kills the process (and its
    /// children) when <paramref name="timeout"/> passes.
    /// </summary>
    public static async Task<string> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds:0} s. Output:{Environment.NewLine}{output}");
        }

        // WaitForExitAsync returns once the output streams closed too.
        return process.ExitCode == 0
            ? output.ToString()
            : throw new InvalidOperationException($"{Path.GetFileName(fileName)} {string.Join(' ', arguments.Take(2))} exited with {process.ExitCode}:{Environment.NewLine}{output}");
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
