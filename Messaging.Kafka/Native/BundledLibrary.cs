using System.Runtime.InteropServices;

namespace Signups.Messaging.Kafka.Native;

/// <summary>
/// Finds and loads librdkafka from the directories the runtime takes native assets from (the package's
/// <c>runtimes/&lt;rid&gt;/native/</c> in a build, the application's own directory when published for a runtime),
/// trying the files in the order Confluent.Kafka would: on glibc Linux the build linked with GSSAPI
/// (it needs libsasl2.so.3), then the self-contained one.
/// </summary>
internal sealed record BundledLibrary(nint Handle, string? Path, string? Problem)
{
    private const string Package = "librdkafka.redist";

    public static BundledLibrary Load()
    {
        var directories = SearchDirectories();
        var failures = new List<string>();
        foreach (var file in FileNames())
        {
            foreach (var path in directories.Select(directory => System.IO.Path.Combine(directory, file)).Where(File.Exists))
            {
                try
                {
                    return new BundledLibrary(NativeLibrary.Load(path), path, null);
                }
                catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
                {
                    failures.Add(LoaderError(e.Message));
                }
            }
        }

        var rid = RuntimeInformation.RuntimeIdentifier;
        var problem = failures.Count == 0
            ? $"The native Kafka client library librdkafka is not in this build for {rid} (looked for {string.Join(", ", FileNames())} in {string.Join(", ", directories)}). " +
              $"The {Package} package ships it for linux-x64, linux-arm64, osx-x64, osx-arm64, win-x64 and win-x86; rebuild on one of those."
            : $"The native Kafka client library librdkafka from the {Package} package could not be loaded on {rid}: {string.Join("; ", failures)}. Rebuild to restore it.";
        return new BundledLibrary(0, null, problem);
    }

    private static string[] FileNames()
    {
        if (OperatingSystem.IsWindows())
        {
            return ["librdkafka.dll"];
        }

        if (OperatingSystem.IsMacOS())
        {
            return ["librdkafka.dylib"];
        }

        return IsMusl() ? ["alpine-librdkafka.so"] : ["librdkafka.so", "centos8-librdkafka.so"];
    }

    private static bool IsMusl() => RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal)
        || (File.Exists("/etc/os-release") && File.ReadAllText("/etc/os-release").Contains("ID=alpine", StringComparison.Ordinal));

    private static List<string> SearchDirectories()
    {
        var fromDeps = (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") as string ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return [.. fromDeps.Append(AppContext.BaseDirectory).Select(d => System.IO.Path.GetFullPath(d)).Distinct(StringComparer.Ordinal)];
    }

    // The runtime's message is a hint about LD_DEBUG followed by the loader's own words ("<path>: invalid ELF header").
    private static string LoaderError(string message) =>
        message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? message;
}
