using System.Reflection;
using System.Runtime.InteropServices;

namespace Signups.Messaging.Kafka.Native;

/// <summary>
/// The native librdkafka that Confluent.Kafka 1.x runs on. It comes from the operating system, so it
/// can be missing: this finds it once and turns its absence into one sentence that says what to install.
/// </summary>
public static partial class Librdkafka
{
    /// <summary>The library name used in <c>[LibraryImport]</c> declarations; resolved by <see cref="RegisterResolver"/>.</summary>
    public const string LibraryName = "rdkafka";

    private static readonly string[] Candidates = OperatingSystem.IsMacOS()
        ? ["librdkafka.1.dylib", "librdkafka.dylib", "/opt/homebrew/lib/librdkafka.dylib", "/usr/local/lib/librdkafka.dylib"]
        : OperatingSystem.IsWindows() ? ["librdkafka.dll"] : ["librdkafka.so.1", "librdkafka.so"];

    private static readonly Lazy<nint> Handle = new(() =>
    {
        foreach (var candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }

        return 0;
    });

    /// <summary>What to run to install the library.</summary>
    public static string InstallHint => OperatingSystem.IsMacOS()
        ? "brew install librdkafka"
        : "sudo apt-get install -y librdkafka1";

    /// <summary>The sentence to show when the library is missing.</summary>
    public static string MissingMessage =>
        $"The native Kafka client library librdkafka was not found ({string.Join(", ", Candidates)}). Install it: {InstallHint}";

    /// <summary>Whether the library could be loaded.</summary>
    public static bool IsAvailable => Handle.Value != 0;

    /// <summary>librdkafka's version, e.g. <c>2.0.2</c>.</summary>
    public static string Version
    {
        get
        {
            EnsureAvailable();
            return Marshal.PtrToStringUTF8(rd_kafka_version_str()) ?? "unknown";
        }
    }

    /// <summary>Throws <see cref="LibrdkafkaMissingException"/> when the library cannot be loaded.</summary>
    public static void EnsureAvailable()
    {
        if (!IsAvailable)
        {
            throw new LibrdkafkaMissingException(MissingMessage);
        }
    }

    /// <summary>Makes <c>[LibraryImport(Librdkafka.LibraryName)]</c> in <paramref name="assembly"/> bind to the library found here.</summary>
    public static void RegisterResolver(Assembly assembly) =>
        NativeLibrary.SetDllImportResolver(assembly, (name, _, _) => name == LibraryName ? Handle.Value : 0);

    static Librdkafka() => RegisterResolver(typeof(Librdkafka).Assembly);

    [LibraryImport(LibraryName)]
    private static partial nint rd_kafka_version_str();
}
