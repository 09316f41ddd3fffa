using System.Reflection;
using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace Signups.Messaging.Kafka.Native;

/// <summary>
/// The native librdkafka, always the one the librdkafka.redist package put in the build output
/// (<c>runtimes/&lt;rid&gt;/native/</c>), never one of the operating system's: Confluent.Kafka and our own
/// P/Invoke (the config check, the dev broker's mock cluster) resolve it here, so a process runs on one
/// library, and a missing or damaged one is one sentence instead of a <see cref="DllNotFoundException"/>.
/// </summary>
public static class Librdkafka
{
    /// <summary>The library name for <c>[LibraryImport]</c> declarations; bound by <see cref="RegisterResolver"/>.</summary>
    public const string LibraryName = "librdkafka";

    /// <summary>The exit code of a process that cannot load the library (EX_CONFIG, as for any bad setting).</summary>
    public const int UnavailableExitCode = 78;

    // The names Confluent.Kafka imports the library by (NativeMethods, NativeMethods_Centos8, NativeMethods_Alpine).
    private static readonly string[] ImportNames = [LibraryName, "centos8-librdkafka", "alpine-librdkafka"];

    private static readonly Lazy<BundledLibrary> Bundled = new(BundledLibrary.Load);

    static Librdkafka()
    {
        // Before Confluent.Kafka's first call: otherwise the runtime's default probing could end at the OS's library.
        RegisterResolver(typeof(Library).Assembly);
        RegisterResolver(typeof(Librdkafka).Assembly);
    }

    /// <summary>Whether the bundled library loaded.</summary>
    public static bool IsAvailable => Bundled.Value.Handle != 0;

    /// <summary>What is wrong with the library, in one sentence, or null when it loaded.</summary>
    public static string? Problem => Bundled.Value.Problem;

    /// <summary>The file the process runs librdkafka from.</summary>
    public static string Path
    {
        get
        {
            EnsureAvailable();
            return Bundled.Value.Path!;
        }
    }

    /// <summary>librdkafka's version as Confluent.Kafka reports it, e.g. <c>2.16.0</c>.</summary>
    public static string Version
    {
        get
        {
            EnsureAvailable();
            return Library.VersionString;
        }
    }

    /// <summary>One line for health reports: the version and the file it came from.</summary>
    public static string Description => IsAvailable ? $"librdkafka {Version} ({Path})" : Problem!;

    /// <summary>Throws <see cref="LibrdkafkaMissingException"/> when the library cannot be loaded.</summary>
    public static void EnsureAvailable()
    {
        if (!IsAvailable)
        {
            throw new LibrdkafkaMissingException(Problem!);
        }
    }

    /// <summary>Makes <c>[DllImport]</c>/<c>[LibraryImport]</c> of librdkafka in <paramref name="assembly"/> bind to the bundled library.</summary>
    public static void RegisterResolver(Assembly assembly) => NativeLibrary.SetDllImportResolver(assembly, Resolve);

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (!ImportNames.Contains(name, StringComparer.Ordinal))
        {
            return 0;
        }

        // Zero would let the runtime go on to the operating system's search path; refuse instead.
        return Bundled.Value.Handle is not 0 and var handle ? handle : throw new DllNotFoundException(Problem);
    }
}
