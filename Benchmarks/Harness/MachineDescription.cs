using System.Runtime.InteropServices;

namespace Signups.Benchmarks.Harness;

/// <summary>One line saying what the figures were measured on: operating system, processors, memory, runtime.</summary>
internal static class MachineDescription
{
    public static string Describe()
    {
        var os = ReadValue("/etc/os-release", "PRETTY_NAME=")?.Trim('"') ?? RuntimeInformation.OSDescription;
        var cpu = ReadValue("/proc/cpuinfo", "model name")?.Split(':', 2)[^1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memoryKb = ReadValue("/proc/meminfo", "MemTotal:")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var memory = long.TryParse(memoryKb, out var kb) ? $"{kb / 1024.0 / 1024.0:0} GiB" : "memory unknown";
        return $"{os}, {Environment.ProcessorCount} cores ({cpu}), {memory}, {RuntimeInformation.FrameworkDescription}";
    }

    private static string? ReadValue(string file, string prefix) =>
        File.Exists(file) ? File.ReadLines(file).FirstOrDefault(line => line.StartsWith(prefix, StringComparison.Ordinal))?[(prefix.EndsWith('=') ? prefix.Length : 0)..] : null;
}
